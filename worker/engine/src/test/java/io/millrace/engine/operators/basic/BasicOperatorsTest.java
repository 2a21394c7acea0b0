package io.millrace.engine.operators.basic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.api.DeadLetters;
import io.millrace.engine.api.ExpressionFailedException;
import io.millrace.engine.api.OperatorSetupException;
import io.millrace.engine.api.OutputTag;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.testing.OperatorTestHarness;
import io.millrace.spec.plan.JobVertex;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicOperatorsTest {

  @Test
  void mapReplacesTheValueAndKeepsKeyAndTimestamp() throws Exception {
    try (var harness = OperatorTestHarness.builder(new MapOperator(), "double", "map")
        .setting("expression", "{'x': value.x * 2, 'name': value.name}").open()) {
      harness.processRecord(new StreamRecord(Map.of("x", 21L, "name", "a"), "k", 1000L));
      assertThat(harness.output()).containsExactly(new StreamRecord(Map.of("x", 42L, "name", "a"), "k", 1000L));
    }
  }

  @Test
  void filterKeepsOnlyMatchingRecords() throws Exception {
    try (var harness = OperatorTestHarness.builder(new FilterOperator(), "big", "filter")
        .setting("expression", "value.amount > 100").open()) {
      harness.processRecord(Map.of("amount", 150L));
      harness.processRecord(Map.of("amount", 50L));
      harness.processRecord(Map.of("amount", 100.5)); // JSON numbers compare across int and double
      assertThat(harness.outputValues()).containsExactly(Map.of("amount", 150L), Map.of("amount", 100.5));
    }
  }

  @Test
  void flatMapEmitsOneRecordPerListElement() throws Exception {
    try (var harness = OperatorTestHarness.builder(new FlatMapOperator(), "words", "flat-map")
        .setting("expression", "value.split(' ')").open()) {
      harness.processRecord(StreamRecord.of("to be or", 7L));
      assertThat(harness.output()).containsExactly(StreamRecord.of("to", 7L), StreamRecord.of("be", 7L),
          StreamRecord.of("or", 7L));
    }
  }

  @Test
  void aFailingExpressionRoutesTheRecordWithItsReasonToDeadLetter() throws Exception {
    try (var harness = OperatorTestHarness.builder(new MapOperator(), "ratio", "map")
        .setting("expression", "value.a / value.b").open()) {
      harness.processRecord(Map.of("a", 6L, "b", 3L));
      harness.processRecord(Map.of("a", 6L, "b", 0L));
      harness.processRecord(Map.of("a", 6L));
      assertThat(harness.outputValues()).containsExactly(2L);
      List<StreamRecord> dead = harness.sideOutput(OutputTag.DEAD_LETTER);
      assertThat(dead).hasSize(2);
      Map<?, ?> first = (Map<?, ?>) dead.get(0).value();
      assertThat(first.get(DeadLetters.NODE)).isEqualTo("ratio");
      assertThat(first.get(DeadLetters.RECORD)).isEqualTo(Map.of("a", 6L, "b", 0L));
      assertThat((String) first.get(DeadLetters.REASON)).contains("by zero");
      assertThat((String) ((Map<?, ?>) dead.get(1).value()).get(DeadLetters.REASON)).contains("b");
      assertThat(harness.metrics().snapshot()).containsEntry("expression.failures", 2L);
    }
  }

  @Test
  void deadLetterWithoutTheRecordWhenTheNodeSaysSo() throws Exception {
    try (var harness = OperatorTestHarness.builder(new FilterOperator(), "f", "filter")
        .setting("expression", "value.missing > 1")
        .setting("deadLetter", Map.of("onError", "route", "includeRecord", false)).open()) {
      harness.processRecord(Map.of("x", 1L));
      @SuppressWarnings("unchecked")
      Map<String, Object> dead = (Map<String, Object>) harness.sideOutput(OutputTag.DEAD_LETTER).get(0).value();
      assertThat(dead).containsKeys(DeadLetters.NODE, DeadLetters.REASON).doesNotContainKey(DeadLetters.RECORD);
    }
  }

  @Test
  void onErrorFailFailsTheTaskWithAPreciseMessage() throws Exception {
    try (var harness = OperatorTestHarness.builder(new MapOperator(), "m", "map")
        .setting("expression", "value.x + 1")
        .setting("deadLetter", Map.of("onError", "fail", "includeRecord", true)).open()) {
      assertThatThrownBy(() -> harness.processRecord(Map.of("y", 1L)))
          .isInstanceOf(ExpressionFailedException.class)
          .hasMessageContaining("node 'm'").hasMessageContaining("value.x + 1");
    }
  }

  @Test
  void keyByAndUnionPassRecordsThroughWithTheirKey() throws Exception {
    try (var harness = OperatorTestHarness.builder(new PassThroughOperator(), "by", "key-by").keyed().open()) {
      harness.processRecord("v", "key-1", 5L);
      harness.processWatermark(10L);
      assertThat(harness.output()).containsExactly(new StreamRecord("v", "key-1", 5L));
      assertThat(harness.watermarks()).containsExactly(10L);
    }
  }

  @Test
  void aBadExpressionFailsOpenNamingNodeAndSetting() {
    assertThatThrownBy(() -> OperatorTestHarness.builder(new FilterOperator(), "f", "filter")
        .setting("expression", "value.x >").open())
        .isInstanceOf(OperatorSetupException.class)
        .hasMessageContaining("node 'f'").hasMessageContaining("'expression'");
  }

  @Test
  void factoryMakesTheBasicKindsAndRejectsOthersWithAHint() {
    BasicOperators factory = new BasicOperators();
    assertThat(factory.create(new JobVertex("m", "map", 1, false, Map.of()))).isInstanceOf(MapOperator.class);
    assertThat(factory.create(new JobVertex("u", "union", 1, false, Map.of()))).isInstanceOf(PassThroughOperator.class);
    assertThatThrownBy(() -> factory.create(new JobVertex("w", "window-aggregate", 1, true, Map.of())))
        .hasMessageContaining("OperatorFactory");
  }
}
