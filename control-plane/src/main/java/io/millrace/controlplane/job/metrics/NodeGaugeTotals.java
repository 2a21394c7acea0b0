package io.millrace.controlplane.job.metrics;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A job's node gauges over all subtasks of each node: counts add up (records of lag, failed records), durations do
 * not — the lag of a node in seconds is its most lagging subtask's, so a name ending in {@code .seconds}, {@code
 * .millis} or {@code .ms} takes the maximum. Pure.
 */
public final class NodeGaugeTotals {

    private NodeGaugeTotals() {
    }

    /** Node id → gauge name → total, both sorted. */
    public static Map<String, Map<String, Long>> of(List<TaskRates> tasks) {
        Map<String, Map<String, Long>> totals = new TreeMap<>();
        for (TaskRates task : tasks) {
            task.nodeGauges().forEach((node, values) -> values.forEach((name, value) -> totals
                    .computeIfAbsent(node, n -> new TreeMap<>())
                    .merge(name, value, isDuration(name) ? Math::max : Long::sum)));
        }
        totals.replaceAll((node, values) -> Collections.unmodifiableMap(values));
        return Collections.unmodifiableMap(totals);
    }

    static boolean isDuration(String name) {
        return name.endsWith(".seconds") || name.endsWith(".millis") || name.endsWith(".ms");
    }
}
