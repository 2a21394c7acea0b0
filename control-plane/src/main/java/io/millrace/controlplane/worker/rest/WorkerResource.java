package io.millrace.controlplane.worker.rest;

import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.millrace.controlplane.worker.service.WorkerRegistry;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Workers of the cluster. Workers are cluster-wide, not owned by a tenant, so any member of any tenant (any role, any
 * API token scope) may list them.
 */
@Path("/api/v1/workers")
@Tag(name = "Workers")
@Authenticated
public class WorkerResource {

    private final WorkerRegistry registry;
    private final CallerContext callers;

    public WorkerResource(WorkerRegistry registry, CallerContext callers) {
        this.registry = registry;
        this.callers = callers;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List workers", description = "Every worker the control plane has seen, by id, with its state.")
    public List<WorkerResponse> list() {
        callers.require(Role.VIEWER);
        return registry.list().stream().map(WorkerResponse::from).toList();
    }
}
