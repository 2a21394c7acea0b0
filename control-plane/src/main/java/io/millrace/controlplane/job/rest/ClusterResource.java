package io.millrace.controlplane.job.rest;

import io.millrace.controlplane.job.JobState;
import io.millrace.controlplane.job.service.JobService;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.millrace.controlplane.worker.WorkerState;
import io.millrace.controlplane.worker.service.WorkerRegistry;
import io.millrace.controlplane.worker.service.WorkerView;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The seed API's cluster views: {@code /taskmanagers} (the workers) and {@code /cluster/metrics} (slots, workers, the
 * caller's running jobs). Workers are cluster-wide; job counts are the caller's tenant's only.
 */
@Path("/api/v1")
@Tag(name = "Cluster")
@Authenticated
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    @Schema(name = "TaskManager", description = "A worker, as the seed API called it.")
    public record TaskManager(String id, String host, WorkerState state, int slots, int freeSlots, long memoryBytes,
            String buildVersion, Instant lastHeartbeatAt) {
    }

    @Schema(name = "ClusterMetrics")
    public record ClusterMetrics(
            @Schema(description = "Slots of connected workers") int slotsTotal,
            @Schema(description = "Free slots of connected workers, as of their last heartbeats") int slotsFree,
            @Schema(description = "Connected workers") int workers,
            @Schema(description = "Workers known but not connected (LOST or DISCONNECTED)") int workersUnavailable,
            @Schema(description = "The caller's tenant's RUNNING jobs") int runningJobs) {
    }

    private final WorkerRegistry workers;
    private final JobService jobs;
    private final CallerContext callers;

    public ClusterResource(WorkerRegistry workers, JobService jobs, CallerContext callers) {
        this.workers = workers;
        this.jobs = jobs;
        this.callers = callers;
    }

    @GET
    @Path("/taskmanagers")
    @Operation(summary = "Seed-API alias: the workers")
    public List<TaskManager> taskManagers() {
        callers.require(Role.VIEWER);
        return workers.list().stream().map(w -> new TaskManager(w.id(), w.host(), w.state(), w.slots(),
                w.freeSlots(), w.memoryBytes(), w.buildVersion(), w.lastHeartbeatAt())).toList();
    }

    @GET
    @Path("/cluster/metrics")
    @Operation(summary = "Slots total and free, workers, the tenant's running jobs")
    public ClusterMetrics metrics() {
        Caller caller = callers.require(Role.VIEWER);
        List<WorkerView> all = workers.list();
        List<WorkerView> connected = all.stream().filter(w -> w.state() == WorkerState.CONNECTED).toList();
        return new ClusterMetrics(connected.stream().mapToInt(WorkerView::slots).sum(),
                connected.stream().mapToInt(WorkerView::freeSlots).sum(), connected.size(),
                all.size() - connected.size(), jobs.list(caller.tenantId(), null, JobState.RUNNING).size());
    }
}
