package io.millrace.controlplane.job.service;

/** One task of a job's current attempt: where it runs and what its worker last reported. */
public record TaskView(String chainId, int subtask, String workerId, String state, String failure) {
}
