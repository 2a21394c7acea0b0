package io.millrace.controlplane.job.schedule;

/** How subtasks are spread over workers. */
public enum SchedulingPolicy {
    /** Fill workers in order (by id): the fewest workers, the most local channels. */
    PACK,
    /** Round-robin over the workers with the most free slots; subtasks of one chain on different workers if possible. */
    SPREAD
}
