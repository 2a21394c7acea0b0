package io.millrace.worker.execution;

import io.millrace.spec.plan.JobEdge;
import io.millrace.spec.plan.JobGraph;
import io.millrace.spec.plan.JobVertex;
import io.millrace.spec.plan.Partitioning;
import io.millrace.spec.plan.PhysicalPlan;
import io.millrace.spec.plan.PhysicalPlanner;
import java.util.List;
import java.util.Map;

/** The small job the worker tests deploy: {@code numbers (datagen, 1) -> same (map, 2) -> out (sink, 2)}. */
public final class TestPlans {

    private TestPlans() {}

    /**
     * Three tasks: {@code numbers#0}, {@code same#0}, {@code same#1} (the sink is chained to the map).
     *
     * @param count records generated ({@code id} = 0, 1, ...), -1 for unbounded
     * @param rate records per second, 0 for as fast as possible
     */
    public static PhysicalPlan numbersToSink(String sinkKind, long count, long rate) {
        JobGraph graph = new JobGraph("deploy-test", 128, List.of(
                new JobVertex("numbers", "datagen-source", 1, false, Map.of("generator", "fields",
                        "fields", List.of(Map.of("name", "id", "kind", "sequence")), "count", count, "rate", rate)),
                new JobVertex("same", "map", 2, false, Map.of("expression", "value")),
                new JobVertex("out", sinkKind, 2, false, Map.of())),
                List.of(JobEdge.of("numbers", "same", 0, Partitioning.REBALANCE),
                        JobEdge.of("same", "out", 0, Partitioning.FORWARD)));
        return new PhysicalPlanner().plan(graph);
    }

    /**
     * The same three tasks, with event time: the source is {@link TestSources#KIND} (datagen whose readers register a
     * gauge) with watermarks 1 s behind the generated timestamps.
     */
    public static PhysicalPlan gaugedNumbersWithEventTime(String sinkKind, long rate) {
        JobGraph graph = new JobGraph("deploy-test", 128, List.of(
                new JobVertex("numbers", TestSources.KIND, 1, false, Map.of("generator", "fields",
                        "fields", List.of(Map.of("name", "id", "kind", "sequence")), "count", -1, "rate", rate,
                        "watermark", Map.of("maxOutOfOrderness", "1s"))),
                new JobVertex("same", "map", 2, false, Map.of("expression", "value")),
                new JobVertex("out", sinkKind, 2, false, Map.of())),
                List.of(JobEdge.of("numbers", "same", 0, Partitioning.REBALANCE),
                        JobEdge.of("same", "out", 0, Partitioning.FORWARD)));
        return new PhysicalPlanner().plan(graph);
    }
}
