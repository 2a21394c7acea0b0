package io.millrace.controlplane.job.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.spec.plan.JobEdge;
import io.millrace.spec.plan.JobGraph;
import io.millrace.spec.plan.JobVertex;
import io.millrace.spec.plan.Partitioning;
import io.millrace.spec.plan.PhysicalPlanner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bottleneck rule on a real plan: {@code events (1) -> parse (2) -> count (3) + out (chained)}, and a branch
 * {@code events -> audit (2)}.
 */
class BottleneckRuleTest {

    private static final JobTopology TOPOLOGY = JobTopology.of(new PhysicalPlanner().plan(new JobGraph("j", 128,
            List.of(vertex("events", "datagen-source", 1), vertex("parse", "map", 2), vertex("count", "map", 3),
                    vertex("out", "kafka-sink", 3), vertex("audit", "map", 2)),
            List.of(JobEdge.hash("events", "parse", 0, "value"),
                    JobEdge.hash("parse", "count", 0, "value"),
                    JobEdge.of("count", "out", 0, Partitioning.FORWARD),
                    JobEdge.hash("events", "audit", 0, "value")))));

    private final BottleneckRule rule = new BottleneckRule();

    private static JobVertex vertex(String id, String kind, int parallelism) {
        return new JobVertex(id, kind, parallelism, false, Map.of());
    }

    @Test
    void theTopologyKnowsChainsInputsAndDepths() {
        assertThat(TOPOLOGY.nodesOf("count")).containsExactly("count", "out");
        assertThat(TOPOLOGY.inputsOf("count")).containsExactly("parse");
        assertThat(TOPOLOGY.inputsOf("events")).isEmpty();
        assertThat(TOPOLOGY.depthOf("events")).isZero();
        assertThat(TOPOLOGY.depthOf("audit")).isEqualTo(1);
        assertThat(TOPOLOGY.depthOf("count")).isEqualTo(2);
        // The job's records in are the source chain's; its records out leave through the chains nothing reads from.
        assertThat(TOPOLOGY.sourceChains()).containsExactly("events");
        assertThat(TOPOLOGY.sinkChains()).containsExactlyInAnyOrder("count", "audit");
    }

    @Test
    void theBusyTaskWhoseInputWaitsOnItIsTheBottleneckNotTheBackpressuredOnesUpstream() {
        List<TaskRates> tasks = List.of(
                task("events", 0, 0.05, 0.90), task("parse", 0, 0.10, 0.85), task("parse", 1, 0.12, 0.80),
                task("count", 0, 0.97, 0.0), task("count", 1, 0.95, 0.0), task("count", 2, 0.96, 0.0),
                task("audit", 0, 0.2, 0.0), task("audit", 1, 0.2, 0.0));
        assertThat(rule.find(TOPOLOGY, tasks)).hasValueSatisfying(b -> {
            assertThat(b.chainId()).isEqualTo("count");
            assertThat(b.nodes()).containsExactly("count", "out");
            assertThat(b.subtask()).isZero();
            assertThat(b.busyRatio()).isEqualTo(0.97);
            assertThat(b.backpressuredInputs()).containsExactly(new Bottleneck.BackpressuredInput("parse", 0.85));
            assertThat(b.reason()).contains("count#0").contains("busy 97%").contains("parse (85% backpressured)");
        });
    }

    @Test
    void ofTwoCandidatesTheOneNearestTheSourcesWins() {
        List<TaskRates> tasks = List.of(task("events", 0, 0.05, 0.90), task("audit", 0, 0.85, 0.0),
                task("parse", 0, 0.3, 0.70), task("count", 0, 0.99, 0.0));
        assertThat(rule.find(TOPOLOGY, tasks)).hasValueSatisfying(b -> assertThat(b.chainId()).isEqualTo("audit"));
    }

    @Test
    void oneHotSubtaskIsEnoughAndItIsNamed() {
        List<TaskRates> tasks = List.of(task("events", 0, 0.1, 0.75), task("parse", 0, 0.2, 0.0),
                task("parse", 1, 0.93, 0.01));
        assertThat(rule.find(TOPOLOGY, tasks)).hasValueSatisfying(b -> {
            assertThat(b.chainId()).isEqualTo("parse");
            assertThat(b.subtask()).isEqualTo(1);
        });
    }

    @Test
    void aBusyTaskThatWaitsOnItsOwnOutputIsAVictimNotTheCause() {
        // parse is busy but also backpressured: the cause is further down (count), which did not report shares
        List<TaskRates> tasks = List.of(task("events", 0, 0.1, 0.9), task("parse", 0, 0.85, 0.6));
        assertThat(rule.find(TOPOLOGY, tasks)).isEmpty();
    }

    @Test
    void noBackpressureNoBottleneckAndWorkersWithoutSharesGiveNoHint() {
        assertThat(rule.find(TOPOLOGY, List.of(task("events", 0, 1.0, 0.0), task("parse", 0, 0.99, 0.0))))
                .as("a saturated source with nobody waiting is only a full pipeline").isEmpty();
        TaskRates oldWorker = new TaskRates("count", 0, 1, "w", 0, 0, null, null, 0.0, null, Instant.EPOCH, null,
                null, null, Map.of());
        assertThat(rule.find(TOPOLOGY, List.of(task("parse", 0, 0.1, 0.9), oldWorker))).isEmpty();
        assertThat(rule.find(TOPOLOGY, List.of(task("parse", 0, 0.1, 0.9), task("gone", 0, 1.0, 0.0)))).isEmpty();
    }

    private static TaskRates task(String chain, int subtask, double busy, double backpressure) {
        return new TaskRates(chain, subtask, 1, "w1", 0, 0, null, null, backpressure, null, Instant.EPOCH, busy,
                Math.max(0, 1 - busy - backpressure), null, Map.of());
    }
}
