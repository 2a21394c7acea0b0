package io.millrace.controlplane.job.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeGaugeTotalsTest {

    @Test
    void countsAddUpOverSubtasksAndDurationsTakeTheMostLaggingSubtask() {
        List<TaskRates> tasks = List.of(
                task(0, Map.of("orders", Map.of("kafka.lag.records", 120L, "kafka.lag.seconds", 3L))),
                task(1, Map.of("orders", Map.of("kafka.lag.records", 30L, "kafka.lag.seconds", 9L),
                        "parse", Map.of("expression.failures", 2L))),
                task(2, Map.of()));
        Map<String, Map<String, Long>> totals = NodeGaugeTotals.of(tasks);
        assertThat(totals.get("orders")).containsExactlyEntriesOf(
                new java.util.TreeMap<>(Map.of("kafka.lag.records", 150L, "kafka.lag.seconds", 9L)));
        assertThat(totals.get("parse")).containsExactlyEntriesOf(Map.of("expression.failures", 2L));
        assertThat(NodeGaugeTotals.of(List.of())).isEmpty();
    }

    private static TaskRates task(int subtask, Map<String, Map<String, Long>> gauges) {
        return new TaskRates("orders", subtask, 1, "w1", 0, 0, null, null, 0, null, Instant.EPOCH, 1.0, 0.0, null,
                gauges);
    }
}
