package io.millrace.controlplane.security.rest;

import io.millrace.controlplane.security.config.ApiConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public: where the console signs users in. The console runs the authorization code flow with PKCE itself against the
 * public client and calls the API with bearer tokens: one auth path on the server, no session cookie, no CSRF surface.
 */
@Path("/api/v1/auth/config")
@Tag(name = "Auth")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class AuthConfigResource {

    private final Optional<String> issuer;
    private final ApiConfig config;

    /** No issuer configured (OIDC off, e.g. the multi-process test profile): 404, and the console runs without sign-in. */
    public AuthConfigResource(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer,
            ApiConfig config) {
        this.issuer = issuer;
        this.config = config;
    }

    @GET
    @Operation(summary = "OIDC issuer and client id for the console's sign-in")
    public AuthConfigResponse get() {
        return new AuthConfigResponse(issuer.orElseThrow(() -> new NotFoundException(
                "no OIDC issuer is configured (quarkus.oidc.auth-server-url)")), config.console().clientId());
    }
}
