package io.millrace.controlplane.security.rest;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.millrace.controlplane.security.config.ApiConfig;
import io.millrace.controlplane.security.token.ApiTokenService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Millrace API tokens ({@code Authorization: Bearer mr_...}). Editors manage their own tokens, admins every token of
 * the tenant, viewers none; see {@link ApiTokenService} for the policy.
 */
@Path("/api/v1/tokens")
@Tag(name = "API tokens")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private final CallerContext callers;
    private final ApiTokenService tokens;
    private final ApiConfig config;

    public TokenResource(CallerContext callers, ApiTokenService tokens, ApiConfig config) {
        this.callers = callers;
        this.tokens = tokens;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API token", description = "201 with the secret, shown this once; only its"
            + " SHA-256 is stored. Scopes: read, write, admin, at most what your role allows.")
    public Response create(TokenRequest request) {
        Caller caller = callers.require(Role.EDITOR);
        ApiTokenService.NewToken valid = TokenRequestValidator.validate(request, caller, config.tokens(),
                Instant.now());
        ApiTokenService.Issued issued = tokens.create(caller, valid);
        return Response.created(URI.create("/api/v1/tokens/" + issued.token().id()))
                .entity(TokenResponse.from(issued.token(), issued.secret())).build();
    }

    @GET
    @Operation(summary = "List API tokens", description = "Admins: every token of the tenant; editors: their own."
            + " Never a secret or hash.")
    public List<TokenResponse> list() {
        Caller caller = callers.require(Role.EDITOR);
        return tokens.list(caller).stream().map(token -> TokenResponse.from(token, null)).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API token", description = "It answers 401 from then on.")
    public TokenResponse revoke(@PathParam("id") String id) {
        Caller caller = callers.require(Role.EDITOR);
        UUID tokenId;
        try {
            tokenId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("'" + id + "' is not an API token id (ids are UUIDs)");
        }
        return TokenResponse.from(tokens.revoke(caller, tokenId), null);
    }
}
