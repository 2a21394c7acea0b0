package io.millrace.controlplane.job.rest;

import io.millrace.controlplane.job.service.CheckpointFailedException;
import io.millrace.controlplane.job.service.JobOperationException;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns job operation failures into problem+json with the service's precise message (never a stack trace). */
public class JobOperationExceptionMapper {

    @ServerExceptionMapper
    public Response operation(JobOperationException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> problem(404, "Job not found", e.getMessage());
            case INVALID -> problem(400, "Invalid request", e.getMessage());
            case CONFLICT -> problem(409, "Not possible in the job's state", e.getMessage());
        };
    }

    @ServerExceptionMapper
    public Response checkpointFailed(CheckpointFailedException e) {
        return problem(409, "Savepoint failed", e.getMessage());
    }

    static Response problem(int status, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail)).build();
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
