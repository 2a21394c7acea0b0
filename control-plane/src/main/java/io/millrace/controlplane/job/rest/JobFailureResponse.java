package io.millrace.controlplane.job.rest;

import io.millrace.controlplane.job.service.JobFailure;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One failure of a job (its exceptions history). */
@Schema(name = "JobFailure")
public record JobFailureResponse(long attempt,
        @Schema(description = "FAILING: the job restarted after it; FAILED: the restart strategy gave up") String outcome,
        String cause, Instant at) {

    static JobFailureResponse from(JobFailure f) {
        return new JobFailureResponse(f.attempt(), f.outcome().name(), f.cause(), f.at());
    }
}
