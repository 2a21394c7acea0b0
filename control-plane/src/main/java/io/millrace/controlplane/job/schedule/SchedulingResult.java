package io.millrace.controlplane.job.schedule;

import java.util.Map;

/** The scheduler's answer: every subtask placed, or why that is impossible right now. */
public sealed interface SchedulingResult {

    /** Task → worker id, one entry per requested task. */
    record Placed(Map<TaskKey, String> placement) implements SchedulingResult {
        public Placed {
            placement = Map.copyOf(placement);
        }
    }

    /** Nothing placed; {@code reason} tells an operator what is missing and what to do. */
    record Unschedulable(String reason) implements SchedulingResult {
    }
}
