package io.millrace.controlplane.job.schedule;

import java.util.Comparator;
import java.util.Objects;

/** One subtask of a plan: chain id and subtask index. Needs one slot. */
public record TaskKey(String chainId, int subtask) implements Comparable<TaskKey> {

    private static final Comparator<TaskKey> ORDER = Comparator.comparing(TaskKey::chainId)
            .thenComparingInt(TaskKey::subtask);

    public TaskKey {
        Objects.requireNonNull(chainId, "chainId");
    }

    @Override
    public int compareTo(TaskKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return chainId + "#" + subtask;
    }
}
