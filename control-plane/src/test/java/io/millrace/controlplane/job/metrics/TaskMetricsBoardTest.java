package io.millrace.controlplane.job.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.controlplane.testing.MutableClock;
import io.millrace.controlplane.worker.service.WorkerJobMessage;
import io.millrace.protocol.v1.NodeGauge;
import io.millrace.protocol.v1.TaskMetricsSample;
import io.millrace.protocol.v1.TaskRef;
import io.millrace.protocol.v1.WorkerMessage;
import io.millrace.protocol.v1.WorkerMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskMetricsBoardTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final TaskMetricsBoard board = new TaskMetricsBoard(clock);
    private final UUID job = UUID.randomUUID();

    @Test
    void ratesComeFromTheLastTwoReports() {
        report(1, "count", 0, 1_000, 0.0, 0);
        assertThat(board.rates(job)).singleElement().satisfies(t -> {
            assertThat(t.recordsIn()).isEqualTo(1_000);
            assertThat(t.recordsInPerSecond()).as("one report: no rate yet").isNull();
            assertThat(t.watermarkLagMillis()).isNull();
        });
        clock.advance(Duration.ofSeconds(2));
        long watermark = clock.instant().toEpochMilli() - 750;
        report(1, "count", 0, 5_000, 0.25, watermark);
        assertThat(board.rates(job)).singleElement().satisfies(t -> {
            assertThat(t.recordsInPerSecond()).isEqualTo(2_000.0);
            assertThat(t.backpressureRatio()).isEqualTo(0.25);
            assertThat(t.watermarkLagMillis()).isEqualTo(750);
            assertThat(t.workerId()).isEqualTo("w1");
        });
    }

    @Test
    void keepsRecordsOutTheIntervalSharesTheWatermarkAndNodeGauges() {
        long watermark = clock.instant().toEpochMilli() - 2_000;
        board.onWorkerMessage(full(1_000, 400, watermark, List.of(gauge("orders", "kafka.lag.records", 77),
                gauge("orders", "kafka.lag.seconds", 4), gauge("parse", "expression.failures", 1))));
        clock.advance(Duration.ofMillis(500));
        board.onWorkerMessage(full(2_000, 900, watermark + 400, List.of(gauge("orders", "kafka.lag.records", 70))));
        assertThat(board.rates(job)).singleElement().satisfies(t -> {
            assertThat(t.recordsOut()).isEqualTo(900);
            assertThat(t.recordsOutPerSecond()).isEqualTo(1_000.0);
            assertThat(t.recordsInPerSecond()).isEqualTo(2_000.0);
            assertThat(t.busyRatio()).isEqualTo(0.7);
            assertThat(t.idleRatio()).isEqualTo(0.2);
            assertThat(t.backpressureRatio()).isEqualTo(0.1);
            assertThat(t.watermark()).isEqualTo(watermark + 400);
            assertThat(t.watermarkLagMillis()).isEqualTo(2_100);
            assertThat(t.nodeGauges()).containsOnlyKeys("orders")
                    .containsEntry("orders", Map.of("kafka.lag.records", 70L));
        });
    }

    @Test
    void anEndedInputHasLagZeroAndNoWatermarkAndAnOldWorkersSampleHasNoShares() {
        board.onWorkerMessage(full(10, 10, Long.MAX_VALUE, List.of()));
        assertThat(board.rates(job)).singleElement().satisfies(t -> {
            assertThat(t.watermark()).isNull();
            assertThat(t.watermarkLagMillis()).isZero();
        });
        report(2, "count", 0, 10, 0, 0);
        assertThat(board.rates(job)).singleElement().satisfies(t -> {
            assertThat(t.busyRatio()).as("shares not summing to 1: a worker older than 1.4").isNull();
            assertThat(t.idleRatio()).isNull();
            assertThat(t.watermark()).isNull();
            assertThat(t.watermarkLagMillis()).isNull();
            assertThat(t.nodeGauges()).isEmpty();
        });
    }

    private WorkerJobMessage full(long in, long out, long watermark, List<NodeGauge> gauges) {
        TaskMetricsSample sample = TaskMetricsSample.newBuilder()
                .setTask(TaskRef.newBuilder().setJobId(job.toString()).setAttempt(1).setChainId("orders")
                        .setSubtask(0))
                .setRecordsIn(in).setRecordsOut(out).setBusyRatio(0.7).setIdleRatio(0.2).setBackpressureRatio(0.1)
                .setCurrentWatermark(watermark).addAllNodeGauges(gauges).build();
        return new WorkerJobMessage("w1",
                WorkerMessage.newBuilder().setMetrics(WorkerMetrics.newBuilder().addTasks(sample)).build());
    }

    private static NodeGauge gauge(String node, String name, long value) {
        return NodeGauge.newBuilder().setNodeId(node).setName(name).setValue(value).build();
    }

    @Test
    void aNewAttemptReplacesTheOldOnesTasksAndLateReportsOfTheOldAreIgnored() {
        report(1, "count", 0, 10, 0, 0);
        report(1, "count", 1, 10, 0, 0);
        report(2, "bids", 0, 3, 0, 0);
        assertThat(board.rates(job)).extracting(TaskRates::chainId, TaskRates::attempt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bids", 2L));
        report(1, "count", 0, 99, 0, 0);
        assertThat(board.rates(job)).extracting(TaskRates::attempt).containsOnly(2L);
    }

    @Test
    void otherMessagesAndSilentJobsAreForgotten() {
        board.onWorkerMessage(new WorkerJobMessage("w1", WorkerMessage.getDefaultInstance()));
        assertThat(board.rates(job)).isEmpty();
        report(1, "count", 0, 10, 0, 0);
        clock.advance(TaskMetricsBoard.FORGET_AFTER.plusSeconds(1));
        UUID other = UUID.randomUUID();
        board.onWorkerMessage(message(other, 1, "x", 0, 1, 0, 0));
        assertThat(board.rates(job)).isEmpty();
        assertThat(board.rates(other)).hasSize(1);
    }

    private void report(long attempt, String chain, int subtask, long recordsIn, double backpressure,
            long watermark) {
        board.onWorkerMessage(message(job, attempt, chain, subtask, recordsIn, backpressure, watermark));
    }

    private static WorkerJobMessage message(UUID job, long attempt, String chain, int subtask, long recordsIn,
            double backpressure, long watermark) {
        TaskMetricsSample sample = TaskMetricsSample.newBuilder()
                .setTask(TaskRef.newBuilder().setJobId(job.toString()).setAttempt(attempt).setChainId(chain)
                        .setSubtask(subtask))
                .setRecordsIn(recordsIn).setBackpressureRatio(backpressure).setCurrentWatermark(watermark).build();
        return new WorkerJobMessage("w1",
                WorkerMessage.newBuilder().setMetrics(WorkerMetrics.newBuilder().addTasks(sample)).build());
    }
}
