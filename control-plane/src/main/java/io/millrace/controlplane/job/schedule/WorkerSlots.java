package io.millrace.controlplane.job.schedule;

/** A live worker and how many of its slots no job of this control plane occupies. */
public record WorkerSlots(String workerId, int freeSlots) {
    public WorkerSlots {
        if (freeSlots < 0) {
            throw new IllegalArgumentException("worker " + workerId + ": free slots must not be negative");
        }
    }
}
