package io.millrace.controlplane.job.rest;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.FieldError;
import io.millrace.controlplane.job.JobState;
import io.millrace.controlplane.job.metrics.JobMetricsService;
import io.millrace.controlplane.job.persistence.CheckpointRecord;
import io.millrace.controlplane.job.service.JobOperationException;
import io.millrace.controlplane.job.service.JobService;
import io.millrace.controlplane.job.service.JobView;
import io.millrace.controlplane.job.service.SubmitOptions;
import io.millrace.controlplane.pipeline.service.PipelineService;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Jobs of the caller's tenant. Viewers read; editors operate. A job of another tenant does not exist for the caller
 * (404). Operations that wait (stop, savepoint, stop-with-savepoint, rescale, restart) wait up to {@code wait}
 * seconds (default 60). An operation the job's state does not allow is a 409 problem naming the state. The seed API's
 * paths ({@code /submit}, {@code /{id}/status}, {@code /{id}/cancel}, {@code /{id}/savepoint}) are thin aliases.
 */
@Path("/api/v1/jobs")
@Tag(name = "Jobs")
@Authenticated
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private static final long DEFAULT_WAIT_SECONDS = 60;
    private static final String[] SPEC_TYPES = { "application/yaml", "application/x-yaml", "text/yaml",
            MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN };

    private final JobService jobs;
    private final CallerContext callers;
    private final PipelineService pipelines;
    private final JobMetricsService metrics;

    public JobResource(JobService jobs, CallerContext callers, PipelineService pipelines, JobMetricsService metrics) {
        this.jobs = jobs;
        this.callers = callers;
        this.pipelines = pipelines;
        this.metrics = metrics;
    }

    @POST
    @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON,
            MediaType.TEXT_PLAIN })
    @Operation(summary = "Submit a pipeline spec as a new job", description = "The body is the spec (YAML or JSON)."
            + " An invalid spec creates no job and answers 400 with every error located.")
    public Response submit(String spec, @QueryParam("parallelism") Integer parallelism) {
        Caller caller = callers.require(Role.EDITOR);
        JobView job = jobs.submit(caller, spec, new SubmitOptions(null, parallelism, null, null));
        return Response.created(URI.create("/api/v1/jobs/" + job.id())).entity(JobResponse.from(job)).build();
    }

    @POST
    @Path("/submit")
    @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON,
            MediaType.TEXT_PLAIN })
    @Operation(summary = "Seed-API alias of POST /api/v1/jobs")
    public Response submitAlias(String spec, @QueryParam("parallelism") Integer parallelism) {
        return submit(spec, parallelism);
    }

    @GET
    @Operation(summary = "List the tenant's jobs", description = "Filters: pipeline (name), state (e.g. RUNNING).")
    public List<JobResponse> list(@QueryParam("pipeline") String pipeline, @QueryParam("state") String state) {
        Caller caller = callers.require(Role.VIEWER);
        UUID pipelineId = pipeline == null || pipeline.isBlank() ? null
                : pipelines.idOf(caller.tenantId(), pipeline);
        return jobs.list(caller.tenantId(), pipelineId, state(state)).stream().map(JobResponse::from).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A job with its state, reason, pipeline version, attempt and tasks")
    public JobResponse get(@PathParam("id") String id) {
        Caller caller = callers.require(Role.VIEWER);
        return JobResponse.from(jobs.get(caller.tenantId(), jobId(id)));
    }

    @GET
    @Path("/{id}/status")
    @Operation(summary = "Seed-API alias of GET /api/v1/jobs/{id}")
    public JobResponse status(@PathParam("id") String id) {
        return get(id);
    }

    @GET
    @Path("/{id}/checkpoints")
    @Operation(summary = "Checkpoints and savepoints on record, newest first")
    public List<CheckpointResponse> checkpoints(@PathParam("id") String id) {
        Caller caller = callers.require(Role.VIEWER);
        return jobs.checkpoints(caller.tenantId(), jobId(id)).stream().map(CheckpointResponse::from).toList();
    }

    @GET
    @Path("/{id}/savepoints")
    @Operation(summary = "Savepoints on record, newest first")
    public List<CheckpointResponse> savepoints(@PathParam("id") String id) {
        Caller caller = callers.require(Role.VIEWER);
        return jobs.checkpoints(caller.tenantId(), jobId(id)).stream().filter(CheckpointRecord::savepoint)
                .map(CheckpointResponse::from).toList();
    }

    @GET
    @Path("/{id}/exceptions")
    @Operation(summary = "The job's failures, oldest first: attempt, cause, time, and whether it restarted")
    public List<JobFailureResponse> exceptions(@PathParam("id") String id) {
        Caller caller = callers.require(Role.VIEWER);
        return jobs.failures(caller.tenantId(), jobId(id)).stream().map(JobFailureResponse::from).toList();
    }

    @GET
    @Path("/{id}/metrics")
    @Operation(summary = "The latest metrics of every task: records in/out per second, busy/idle/backpressure,"
            + " watermark and watermark lag, node gauges (Kafka lag); the bottleneck hint")
    public JobMetricsResponse metrics(@PathParam("id") String id) {
        Caller caller = callers.require(Role.VIEWER);
        JobView job = jobs.get(caller.tenantId(), jobId(id));
        return JobMetricsResponse.of(job.id(), job.state().name(), metrics.of(caller.tenantId(), job.id()));
    }

    @POST
    @Path("/{id}/stop")
    @Operation(summary = "Stop (cancel) the job")
    public JobResponse stop(@PathParam("id") String id, @QueryParam("wait") Long wait) {
        Caller caller = callers.require(Role.EDITOR);
        return JobResponse.from(await(jobs.cancel(caller, jobId(id)), wait));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Seed-API alias of POST /api/v1/jobs/{id}/stop")
    public JobResponse cancel(@PathParam("id") String id, @QueryParam("wait") Long wait) {
        return stop(id, wait);
    }

    @POST
    @Path("/{id}/stop-with-savepoint")
    @Operation(summary = "Stop with a savepoint", description = "Savepoint, then cancel; the reason names the savepoint.")
    public JobResponse stopWithSavepoint(@PathParam("id") String id, @QueryParam("wait") Long wait) {
        Caller caller = callers.require(Role.EDITOR);
        return JobResponse.from(await(jobs.stopWithSavepoint(caller, jobId(id)), wait));
    }

    @POST
    @Path("/{id}/savepoints")
    @Operation(summary = "Take a savepoint of the running job")
    public Response savepoint(@PathParam("id") String id, @QueryParam("wait") Long wait) {
        Caller caller = callers.require(Role.EDITOR);
        var savepoint = await(jobs.savepoint(caller, jobId(id)), wait);
        return Response.status(201).entity(CheckpointResponse.from(savepoint)).build();
    }

    @POST
    @Path("/{id}/savepoint")
    @Operation(summary = "Seed-API alias of POST /api/v1/jobs/{id}/savepoints")
    public Response savepointAlias(@PathParam("id") String id, @QueryParam("wait") Long wait) {
        return savepoint(id, wait);
    }

    @POST
    @Path("/{id}/rescale")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rescale the running job", description = "Savepoint, cancel, re-plan at the new parallelism,"
            + " redeploy from the savepoint.")
    public JobResponse rescale(@PathParam("id") String id, RescaleRequest request, @QueryParam("wait") Long wait) {
        Caller caller = callers.require(Role.EDITOR);
        if (request == null || request.parallelism() == null) {
            throw ApiProblem.badRequest("send {\"parallelism\": <n>} with the new parallelism",
                    List.of(FieldError.field("parallelism", "required")));
        }
        return JobResponse.from(await(jobs.rescale(caller, jobId(id), request.parallelism()), wait));
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume from a savepoint or checkpoint as a new job of the same spec and version",
            description = "Query: checkpointId (default the latest usable checkpoint or savepoint), parallelism.")
    public Response resume(@PathParam("id") String id, @QueryParam("checkpointId") Long checkpoint,
            @QueryParam("parallelism") Integer parallelism) {
        Caller caller = callers.require(Role.EDITOR);
        UUID jobId = jobId(id);
        long checkpointId = checkpoint != null ? checkpoint
                : jobs.checkpoints(caller.tenantId(), jobId).stream().filter(c -> c.completed() && c.usable())
                        .findFirst().map(CheckpointRecord::checkpointId)
                        .orElseThrow(() -> new JobOperationException(JobOperationException.Kind.CONFLICT,
                                "job " + jobId + " has no usable checkpoint or savepoint to resume from; take a"
                                        + " savepoint first or name one (checkpointId)"));
        JobView resumed = jobs.resume(caller, jobId, checkpointId,
                new SubmitOptions(null, parallelism, null, null));
        return Response.created(URI.create("/api/v1/jobs/" + resumed.id())).entity(JobResponse.from(resumed))
                .build();
    }

    @POST
    @Path("/{id}/restart")
    @Operation(summary = "Restart from the latest checkpoint", description = "Cancels the job if it still runs, then"
            + " starts a new job of the same spec and version from its latest usable checkpoint or savepoint (from"
            + " scratch when it has none). 201 with the new job.")
    public Response restart(@PathParam("id") String id, @QueryParam("wait") Long wait) {
        Caller caller = callers.require(Role.EDITOR);
        JobView restarted = await(jobs.restart(caller, jobId(id)), wait);
        return Response.created(URI.create("/api/v1/jobs/" + restarted.id())).entity(JobResponse.from(restarted))
                .build();
    }

    private static JobState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return JobState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("unknown job state '" + state + "'", List.of(FieldError.field("state",
                    "one of " + Arrays.toString(JobState.values()))));
        }
    }

    static UUID jobId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("'" + id + "' is not a job id (job ids are UUIDs)");
        }
    }

    private static <T> T await(CompletableFuture<T> future, Long waitSeconds) {
        try {
            return future.get(waitSeconds == null ? DEFAULT_WAIT_SECONDS : waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobOperationException(JobOperationException.Kind.CONFLICT, "interrupted while waiting");
        } catch (java.util.concurrent.ExecutionException e) {
            throw JobOperationExceptionMapper.unwrap(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw JobOperationExceptionMapper.unwrap(e);
        }
    }
}
