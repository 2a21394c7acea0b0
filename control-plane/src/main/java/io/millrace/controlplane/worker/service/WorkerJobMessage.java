package io.millrace.controlplane.worker.service;

import io.millrace.protocol.v1.WorkerMessage;

/**
 * CDI event: a worker sent a job message (task state, source finished, checkpoint ack/decline, checkpoints discarded, metrics, preview results) on its current
 * session. The job package routes it to the job's master; the worker package knows nothing about jobs.
 */
public record WorkerJobMessage(String workerId, WorkerMessage message) {
}
