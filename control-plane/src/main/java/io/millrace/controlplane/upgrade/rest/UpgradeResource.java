package io.millrace.controlplane.upgrade.rest;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.millrace.controlplane.upgrade.service.UpgradeService;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reads of safe upgrades: a version's state diff against what runs, and the pipeline's upgrades. Viewers read. */
// Class path /api/v1 like PipelineResource: a class path of /api/v1/pipelines/{name} would win JAX-RS class
// selection for every /pipelines/{name} request and hide PipelineResource's GET/PUT/DELETE there.
@Path("/api/v1")
@Tag(name = "Pipelines")
@Authenticated
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class UpgradeResource {

    private final CallerContext callers;
    private final UpgradeService upgrades;

    public UpgradeResource(CallerContext callers, UpgradeService upgrades) {
        this.callers = callers;
        this.upgrades = upgrades;
    }

    @GET
    @Path("/pipelines/{name}/versions/{version}/state-diff")
    @Operation(summary = "Per-node state diff of deploying a version", description = "Against ?from=<version> or"
            + " ?from=<job id>; default the pipeline's RUNNING job (409 no-running-job when none). Each node is KEPT,"
            + " COMPATIBLE, DROPPED, NEW or STATELESS with the reason; dropsState=true means a deploy needs"
            + " confirmDroppedState.")
    public StateDiffResponse stateDiff(@PathParam("name") String name, @PathParam("version") String version,
            @QueryParam("from") String from) {
        Caller caller = callers.require(Role.VIEWER);
        return StateDiffResponse.from(upgrades.stateDiff(caller.tenantId(), name, versionNumber(version), from));
    }

    @GET
    @Path("/pipelines/{name}/upgrades")
    @Operation(summary = "The pipeline's upgrades, newest first (IN_PROGRESS, SUCCEEDED, ROLLED_BACK, FAILED)")
    public List<UpgradeResponse> list(@PathParam("name") String name) {
        Caller caller = callers.require(Role.VIEWER);
        return upgrades.list(caller.tenantId(), name).stream().map(u -> UpgradeResponse.from(u, null)).toList();
    }

    private static int versionNumber(String version) {
        try {
            int n = Integer.parseInt(version);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.notFound("'" + version + "' is not a version number (versions are 1, 2, ...)");
    }
}
