package io.millrace.controlplane.job.service;

import io.millrace.controlplane.job.JobState;
import java.time.Instant;

/**
 * One failure of a job, from its state history: the attempt that failed, whether the job then restarted (FAILING) or
 * gave up (FAILED), the cause as recorded, and when.
 */
public record JobFailure(long attempt, JobState outcome, String cause, Instant at) {
}
