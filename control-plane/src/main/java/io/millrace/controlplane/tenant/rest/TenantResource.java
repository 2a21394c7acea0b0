package io.millrace.controlplane.tenant.rest;

import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.millrace.controlplane.security.Scope;
import io.millrace.controlplane.tenant.service.MemberService;
import io.millrace.controlplane.tenant.service.TenantView;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's tenants. Any member may call these. */
@Path("/api/v1/tenants")
@Tag(name = "Tenants")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    private final CallerContext callers;
    private final MemberService members;

    public TenantResource(CallerContext callers, MemberService members) {
        this.callers = callers;
        this.members = members;
    }

    @GET
    @Operation(summary = "The caller's tenants with their role in each", description = "For the console's tenant"
            + " switcher; choose one per request with the 'Millrace-Tenant' header.")
    public List<TenantResponse> list() {
        Caller caller = callers.require(Role.VIEWER);
        return members.tenantsOf(caller).stream().map(TenantResponse::from).toList();
    }

    @GET
    @Path("/current")
    @Operation(summary = "The tenant this request acts in, with the caller's role and scopes")
    public CurrentTenantResponse current() {
        Caller caller = callers.require(Role.VIEWER);
        TenantView tenant = members.current(caller);
        return new CurrentTenantResponse(tenant.id(), tenant.displayName(), caller.role().wireName(),
                caller.userId(), caller.displayName(), caller.apiToken(),
                caller.scopes().stream().sorted().map(Scope::wireName).toList());
    }
}
