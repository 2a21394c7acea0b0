package io.millrace.controlplane.worker.service;

/**
 * CDI event: a worker's session started ({@code available}) or ended (closed stream, {@code !available}). Jobs waiting
 * for slots retry on the first; jobs with tasks on the worker recover on the second. A LOST worker is announced by
 * {@link WorkerLost} instead.
 */
public record WorkerAvailability(String workerId, boolean available, String reason) {
}
