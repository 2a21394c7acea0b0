package io.millrace.controlplane.job.rest;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.ProblemResponses;
import io.millrace.controlplane.job.service.CheckpointFailedException;
import io.millrace.controlplane.job.service.JobOperationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns job operation failures into problem+json with the service's precise message (never a stack trace). */
public class JobOperationExceptionMapper {

    @ServerExceptionMapper
    public Response operation(JobOperationException e, UriInfo uri) {
        return ProblemResponses.of(problem(e), uri == null ? null : uri.getPath());
    }

    @ServerExceptionMapper
    public Response checkpointFailed(CheckpointFailedException e, UriInfo uri) {
        return ProblemResponses.of(new ApiProblem(409, "savepoint-failed", "Savepoint failed", e.getMessage()),
                uri == null ? null : uri.getPath());
    }

    /** The problem a job operation failure answers with; slugs are part of the API contract. */
    static ApiProblem problem(JobOperationException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> ApiProblem.notFound(e.getMessage());
            case INVALID -> ApiProblem.badRequest(e.getMessage());
            case CONFLICT -> new ApiProblem(409, "job-state-conflict", "Not possible in the job's state",
                    e.getMessage());
        };
    }

    /** Unwraps what a future failed with, for resources that wait on one. */
    static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof java.util.concurrent.RejectedExecutionException) {
            // The job's master retired (the job ended) between the steps of a two-step operation.
            return new JobOperationException(JobOperationException.Kind.CONFLICT,
                    "the job ended while the operation was running; check the job's state");
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof TimeoutException) {
            return new JobOperationException(JobOperationException.Kind.CONFLICT,
                    "the operation did not finish in time; it continues, check the job's state");
        }
        return new IllegalStateException(cause);
    }
}
