package io.millrace.spec.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanCodecTest {

  final PlanCodec codec = new PlanCodec();

  static PhysicalPlan plan() {
    JobGraph graph = new JobGraph("word-count", 128,
        List.of(new JobVertex("lines", "kafka-source", 2, false,
                Map.of("topic", "in", "partitions", 3, "opts", Map.of("ratio", 0.5, "tags", List.of("a")))),
            new JobVertex("counts", "window-aggregate", 2, true, Map.of("window", Map.of("size", "10s"))),
            new JobVertex("dlq", "kafka-sink", 2, false, Map.of())),
        List.of(JobEdge.hash("lines", "counts", 0, "value.lowerAscii()"),
            new JobEdge("counts", JobEdge.LATE, "dlq", 0, Partitioning.FORWARD, null)));
    return new PhysicalPlanner().plan(graph);
  }

  @Test
  void roundTripsThePlanExactly() throws Exception {
    PhysicalPlan plan = plan();

    PhysicalPlan read = codec.fromJson(codec.toJson(plan));

    assertThat(read).isEqualTo(plan);
    assertThat(read.graph().vertex("lines").orElseThrow().settings().get("partitions")).isEqualTo(3L);
  }

  @Test
  void writesPlanVersionAndReadableFields() throws Exception {
    var tree = new ObjectMapper().readTree(codec.toJson(plan()));

    assertThat(tree.get("planVersion").intValue()).isEqualTo(1);
    assertThat(tree.at("/graph/edges/0/partitioning").asText()).isEqualTo("HASH");
    assertThat(tree.at("/subtasks/2/keyGroups/start").intValue()).isZero();
    assertThat(tree.at("/subtasks/3/keyGroups/end").intValue()).isEqualTo(127);
    assertThat(tree.at("/chainEdges/1/edge/sourceOutput").asText()).isEqualTo("late");
  }

  @Test
  void refusesUnknownVersionsAndBrokenPlans() {
    String json = codec.toJson(plan());

    assertThatThrownBy(() -> codec.fromJson(json.replace("\"planVersion\" : 1", "\"planVersion\" : 2")))
        .isInstanceOf(PlanFormatException.class).hasMessageContaining("unsupported planVersion 2");
    assertThatThrownBy(() -> codec.fromJson("{"))
        .isInstanceOf(PlanFormatException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> codec.fromJson("[]"))
        .isInstanceOf(PlanFormatException.class);
    assertThatThrownBy(() -> codec.fromJson(json.replace("\"maxParallelism\" : 128", "\"maxParallelism\" : 1")))
        .isInstanceOf(PlanFormatException.class).hasMessageContaining("exceeds maxParallelism");
  }

  @Test
  void ignoresUnknownFieldsSoAdditiveChangesNeedNoNewVersion() throws Exception {
    String json = codec.toJson(plan()).replaceFirst("\\{", "{ \"addedLater\": true,");

    assertThat(codec.fromJson(json)).isEqualTo(plan());
  }

  @Test
  void roundTripsInputRecordTypes() throws Exception {
    RecordType bid = RecordType.of(Map.of("price", FieldType.INT, "url", FieldType.STRING));
    JobGraph graph = new JobGraph("typed", 128,
        List.of(new JobVertex("bids", "datagen-source", 1, false, Map.of(), List.of(bid)),
            new JobVertex("cheap", "filter", 1, false, Map.of("expression", "value.price < 10"), List.of(bid))),
        List.of(new JobEdge("bids", JobEdge.MAIN, "cheap", 0, Partitioning.FORWARD, null)));
    PhysicalPlan plan = new PhysicalPlanner().plan(graph);

    PhysicalPlan read = codec.fromJson(codec.toJson(plan));

    assertThat(read).isEqualTo(plan);
    assertThat(read.graph().vertex("cheap").orElseThrow().inputType(0)).isEqualTo(bid);
  }

  @Test
  void aPlanWithoutInputTypesReadsAsDynamicInputs() throws Exception {
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(codec.toJson(plan()));
    for (var vertex : tree.get("graph").get("vertices")) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) vertex).remove("inputTypes");
    }

    PhysicalPlan read = codec.fromJson(tree.toString());

    assertThat(read.graph().vertex("counts").orElseThrow().inputTypes()).isEmpty();
    assertThat(read.graph().vertex("counts").orElseThrow().inputType(0)).isEqualTo(RecordType.dynamicRecord());
  }
}
