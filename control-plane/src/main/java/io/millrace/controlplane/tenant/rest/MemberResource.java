package io.millrace.controlplane.tenant.rest;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.FieldError;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.millrace.controlplane.tenant.service.MemberService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Members of the caller's tenant; admins only. {@code PUT} adds a user (by OIDC subject) or changes their role; a
 * tenant never loses its last admin (409).
 */
@Path("/api/v1/members")
@Tag(name = "Members")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    static final int MAX_USER_ID = 255;

    private final CallerContext callers;
    private final MemberService members;

    public MemberResource(CallerContext callers, MemberService members) {
        this.callers = callers;
        this.members = members;
    }

    @GET
    @Operation(summary = "Members of the tenant with their roles")
    public List<MemberResponse> list() {
        Caller caller = callers.require(Role.ADMIN);
        return members.list(caller).stream().map(MemberResponse::from).toList();
    }

    @PUT
    @Path("/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a member or change their role", description = "Idempotent: 201 when this added the"
            + " member, 200 when it updated one. Demoting the last admin is a 409.")
    public Response put(@PathParam("userId") String userId, MemberRequest request) {
        Caller caller = callers.require(Role.ADMIN);
        if (userId.isBlank() || userId.length() > MAX_USER_ID) {
            throw ApiProblem.badRequest("the user id must be 1 to " + MAX_USER_ID + " characters (the OIDC subject)");
        }
        if (request == null) {
            throw ApiProblem.badRequest("send a JSON body {\"role\": \"viewer|editor|admin\", \"username\": ...}");
        }
        Role role = Role.parse(request.role()).orElseThrow(() -> ApiProblem.badRequest("unknown role",
                List.of(FieldError.field("role", "must be one of viewer, editor, admin; got "
                        + (request.role() == null ? "nothing" : "'" + request.role() + "'")))));
        if (request.username() != null && (request.username().isBlank() || request.username().length() > 255)) {
            throw ApiProblem.badRequest("invalid username", List.of(FieldError.field("username",
                    "must be 1 to 255 characters when sent")));
        }
        MemberService.Assigned assigned = members.assign(caller, userId, role, request.username());
        return Response.status(assigned.created() ? 201 : 200).entity(MemberResponse.from(assigned.member()))
                .build();
    }

    @DELETE
    @Path("/{userId}")
    @Operation(summary = "Remove a member", description = "They get 403 in this tenant from then on, whatever their"
            + " identity provider says. Removing the last admin is a 409.")
    public Response delete(@PathParam("userId") String userId) {
        Caller caller = callers.require(Role.ADMIN);
        members.remove(caller, userId);
        return Response.noContent().build();
    }
}
