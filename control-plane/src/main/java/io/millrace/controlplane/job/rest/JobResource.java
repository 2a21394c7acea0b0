package io.millrace.controlplane.job.rest;

import io.millrace.controlplane.job.service.JobOperationException;
import io.millrace.controlplane.job.service.JobService;
import io.millrace.controlplane.job.service.SubmitOptions;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Jobs of the caller's tenant (the bearer token's {@code tenant} claim). A job of another tenant does not exist for
 * the caller (404). Cancel, savepoint, stop and rescale wait for the operation up to {@code wait} seconds (default 60).
 */
@Path("/api/v1/jobs")
@Tag(name = "Jobs")
@Authenticated
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private static final long DEFAULT_WAIT_SECONDS = 60;

    private final JobService jobs;
    private final JsonWebToken token;

    public JobResource(JobService jobs, JsonWebToken token) {
        this.jobs = jobs;
        this.token = token;
    }

    @POST
    @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON,
            MediaType.TEXT_PLAIN })
    @Operation(summary = "Submit a pipeline spec as a new job", description = "The body is the spec (YAML or JSON)."
            + " An invalid spec creates no job and answers 400 with every error located.")
    public Response submit(String spec, @QueryParam("parallelism") Integer parallelism) {
        var job = jobs.submit(tenant(), spec, new SubmitOptions(null, parallelism, null, null));
        return Response.created(URI.create("/api/v1/jobs/" + job.id())).entity(JobResponse.from(job)).build();
    }

    @GET
    @Operation(summary = "List the tenant's jobs")
    public List<JobResponse> list() {
        return jobs.list(tenant()).stream().map(JobResponse::from).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A job with its state, reason, attempt and tasks")
    public JobResponse get(@PathParam("id") String id) {
        return JobResponse.from(jobs.get(tenant(), jobId(id)));
    }

    @GET
    @Path("/{id}/checkpoints")
    @Operation(summary = "Checkpoints and savepoints on record, newest first")
    public List<CheckpointResponse> checkpoints(@PathParam("id") String id) {
        return jobs.checkpoints(tenant(), jobId(id)).stream().map(CheckpointResponse::from).toList();
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel the job")
    public JobResponse cancel(@PathParam("id") String id, @QueryParam("wait") Long wait) {
        return JobResponse.from(await(jobs.cancel(tenant(), jobId(id)), wait));
    }

    @POST
    @Path("/{id}/savepoints")
    @Operation(summary = "Take a savepoint of the running job")
    public Response savepoint(@PathParam("id") String id, @QueryParam("wait") Long wait) {
        var savepoint = await(jobs.savepoint(tenant(), jobId(id)), wait);
        return Response.status(201).entity(CheckpointResponse.from(savepoint)).build();
    }

    @POST
    @Path("/{id}/stop")
    @Operation(summary = "Stop with a savepoint", description = "Savepoint, then cancel; the reason names the savepoint.")
    public JobResponse stop(@PathParam("id") String id, @QueryParam("wait") Long wait) {
        return JobResponse.from(await(jobs.stopWithSavepoint(tenant(), jobId(id)), wait));
    }

    @POST
    @Path("/{id}/rescale")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rescale the running job", description = "Savepoint, cancel, re-plan at the new parallelism,"
            + " redeploy from the savepoint.")
    public JobResponse rescale(@PathParam("id") String id, RescaleRequest request, @QueryParam("wait") Long wait) {
        if (request == null || request.parallelism() == null) {
            throw new JobOperationException(JobOperationException.Kind.INVALID,
                    "send {\"parallelism\": <n>} with the new parallelism");
        }
        return JobResponse.from(await(jobs.rescale(tenant(), jobId(id), request.parallelism()), wait));
    }

    private String tenant() {
        Object claim = token.getClaim("tenant");
        String tenant = claim == null ? null : claim.toString().replace("\"", "");
        if (tenant == null || tenant.isBlank()) {
            throw new jakarta.ws.rs.ForbiddenException(JobOperationExceptionMapper.problem(403, "No tenant",
                    "the token has no 'tenant' claim; ask a tenant admin to add you to a tenant"));
        }
        return tenant;
    }

    private static UUID jobId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new JobOperationException(JobOperationException.Kind.NOT_FOUND, "'" + id
                    + "' is not a job id (job ids are UUIDs)");
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
