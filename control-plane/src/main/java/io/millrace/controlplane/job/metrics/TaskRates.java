package io.millrace.controlplane.job.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * The latest metrics of one task (one subtask of a chain) of a job's current attempt.
 *
 * @param recordsInPerSecond records read per second between the last two reports; null after a single report
 * @param recordsOutPerSecond records that left the task (to its exchanges or written by its sink) per second, same
 *        rule (0 from workers older than protocol 1.4, which do not count them)
 * @param backpressureRatio share of the last reporting interval the task waited for output capacity (0..1)
 * @param watermarkLagMillis how far the task's watermark is behind the report's arrival (the moment the sample was
 *        taken, give or take the network); 0 once its input ended; null while the task has no event-time watermark
 * @param busyRatio share of the last reporting interval the task spent processing (0..1); busy + idle +
 *        backpressure = 1; null from a worker that does not report it (older than protocol 1.4)
 * @param idleRatio share of the last reporting interval the task waited for input (0..1); null as busyRatio
 * @param watermark the task's input watermark, event-time epoch millis; null while it has none and once its input
 *        ended (see watermarkLagMillis)
 * @param nodeGauges every counter and gauge of the task's nodes, by node id then name (e.g. a Kafka source node's
 *        {@code kafka.lag.records} and {@code kafka.lag.seconds}); empty from older workers
 */
public record TaskRates(String chainId, int subtask, long attempt, String workerId, long recordsIn, long recordsOut,
        Double recordsInPerSecond, Double recordsOutPerSecond, double backpressureRatio, Long watermarkLagMillis,
        Instant reportedAt, Double busyRatio, Double idleRatio, Long watermark,
        Map<String, Map<String, Long>> nodeGauges) {
}
