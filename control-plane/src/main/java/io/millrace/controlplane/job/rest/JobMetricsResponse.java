package io.millrace.controlplane.job.rest;

import io.millrace.controlplane.job.metrics.Bottleneck;
import io.millrace.controlplane.job.metrics.JobMetricsService.JobMetrics;
import io.millrace.controlplane.job.metrics.TaskRates;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The latest worker-reported metrics of a job's tasks, their sums, node gauges and the bottleneck hint. */
@Schema(name = "JobMetrics")
public record JobMetricsResponse(UUID jobId, String state,
        @Schema(description = "Records the job reads per second: the sum over its source chains' tasks (all tasks when"
                + " the plan is unknown) that reported twice; null before that") Double recordsInPerSecond,
        @Schema(description = "Records that leave the job per second: the sum over its sink chains' tasks (the chains"
                + " that feed no other chain; all tasks when the plan is unknown); null before two reports")
        Double recordsOutPerSecond,
        @Schema(description = "The highest backpressure ratio of any task (0..1)") double maxBackpressureRatio,
        @Schema(description = "The largest watermark lag of any task, ms; null without event time") Long maxWatermarkLagMillis,
        List<TaskRates> tasks,
        @Schema(description = "Per node id, its counters and gauges over all its subtasks: counts summed (e.g."
                + " kafka.lag.records), durations (names ending .seconds/.millis/.ms, e.g. kafka.lag.seconds) the"
                + " maximum") Map<String, Map<String, Long>> nodeGauges,
        @Schema(description = "The task that limits the job's throughput: busy nearly all the time, not"
                + " backpressured, while an input task waits on it (rule in the control-plane README); null when"
                + " none", nullable = true) Bottleneck bottleneck) {

    static JobMetricsResponse of(UUID jobId, String state, JobMetrics metrics) {
        List<TaskRates> tasks = metrics.tasks();
        Double in = sum(of(tasks, metrics.sourceChains()), TaskRates::recordsInPerSecond);
        Double out = sum(of(tasks, metrics.sinkChains()), TaskRates::recordsOutPerSecond);
        double backpressure = tasks.stream().mapToDouble(TaskRates::backpressureRatio).max().orElse(0);
        Long lag = tasks.stream().filter(t -> t.watermarkLagMillis() != null).map(TaskRates::watermarkLagMillis)
                .max(Long::compare).orElse(null);
        return new JobMetricsResponse(jobId, state, in, out, backpressure, lag, tasks, metrics.nodeGauges(),
                metrics.bottleneck());
    }

    /** The tasks of those chains; all tasks when the chains are unknown (null). */
    private static List<TaskRates> of(List<TaskRates> tasks, Set<String> chains) {
        return chains == null ? tasks : tasks.stream().filter(t -> chains.contains(t.chainId())).toList();
    }

    /** Null until one of the tasks has a rate (two reports). */
    private static Double sum(List<TaskRates> tasks, Function<TaskRates, Double> rate) {
        List<Double> rates = tasks.stream().map(rate).filter(Objects::nonNull).toList();
        return rates.isEmpty() ? null : rates.stream().mapToDouble(Double::doubleValue).sum();
    }
}
