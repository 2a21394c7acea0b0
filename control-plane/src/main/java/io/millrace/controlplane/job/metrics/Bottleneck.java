package io.millrace.controlplane.job.metrics;

import java.util.List;

/**
 * The task (operator chain) that limits a job's throughput, by {@link BottleneckRule}.
 *
 * @param chainId the chain; its nodes are {@code nodes}
 * @param subtask its busiest subtask (a single hot subtask means skewed keys)
 * @param busyRatio that subtask's busy share of the last interval
 * @param backpressureRatio the chain's own highest backpressure share (below the rule's threshold)
 * @param backpressuredInputs the input chains that wait on it, with their highest backpressure share
 * @param reason one line for the console and an operator
 */
public record Bottleneck(String chainId, List<String> nodes, int subtask, double busyRatio, double backpressureRatio,
        List<BackpressuredInput> backpressuredInputs, String reason) {

    public Bottleneck {
        nodes = List.copyOf(nodes);
        backpressuredInputs = List.copyOf(backpressuredInputs);
    }

    /** An input chain of the bottleneck and how much of the interval it waited for output capacity. */
    public record BackpressuredInput(String chainId, double backpressureRatio) {
    }
}
