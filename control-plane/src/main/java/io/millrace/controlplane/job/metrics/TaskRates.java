package io.millrace.controlplane.job.metrics;

import java.time.Instant;

/**
 * The latest metrics of one task (one subtask of a chain) of a job's current attempt.
 *
 * @param recordsInPerSecond records read per second between the last two reports; null after a single report
 * @param recordsOutPerSecond records written per second, same rule (0 while workers do not count them)
 * @param backpressureRatio share of the last reporting interval the task waited for output capacity (0..1)
 * @param watermarkLagMillis how far the task's watermark is behind the report's arrival; null while the task has no
 *        event-time watermark
 */
public record TaskRates(String chainId, int subtask, long attempt, String workerId, long recordsIn, long recordsOut,
        Double recordsInPerSecond, Double recordsOutPerSecond, double backpressureRatio, Long watermarkLagMillis,
        Instant reportedAt) {
}
