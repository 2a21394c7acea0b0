package io.millrace.spec.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One node of the pipeline graph. Built-in operators have one record each with typed settings;
 * connectors (an open set, registered by connector modules) are {@link SourceNode} / {@link SinkNode} with
 * {@link ConnectorSettings}. Switch over the permitted records for exhaustive handling.
 */
public sealed interface NodeSpec {

  NodeBase base();

  default String id() {
    return base().id();
  }

  default String type() {
    return base().type();
  }

  default List<InputRef> inputs() {
    return base().inputs();
  }

  default OptionalInt parallelism() {
    return base().parallelism();
  }

  default DeadLetterSpec deadLetter() {
    return base().deadLetter();
  }

  /** A connector reading from outside: {@code kafka-source}, {@code datagen-source}... */
  record SourceNode(NodeBase base, Optional<RecordSchema> schema, Optional<WatermarkSpec> watermark, ConnectorSettings settings)
      implements NodeSpec {}

  /** A connector writing outside: {@code kafka-sink}... */
  record SinkNode(NodeBase base, ConnectorSettings settings) implements NodeSpec {}

  record MapNode(NodeBase base, String expression) implements NodeSpec {}

  record FilterNode(NodeBase base, String expression) implements NodeSpec {}

  record FlatMapNode(NodeBase base, String expression) implements NodeSpec {}

  record KeyByNode(NodeBase base, String expression) implements NodeSpec {}

  record UnionNode(NodeBase base) implements NodeSpec {}

  /** {@code keyBy} is empty when the input is a key-by node. */
  record WindowAggregateNode(
      NodeBase base,
      Optional<String> keyBy,
      WindowSpec window,
      List<AggregateSpec> aggregates,
      Duration allowedLateness,
      boolean lateOutput)
      implements NodeSpec {
    public WindowAggregateNode {
      aggregates = List.copyOf(aggregates);
    }
  }

  /** Inputs are [left, right]. Exactly one of window (mode window) and interval (mode interval) is set. */
  record JoinNode(
      NodeBase base,
      JoinMode mode,
      String leftKey,
      String rightKey,
      Optional<WindowSpec> window,
      Optional<Interval> interval,
      Optional<String> select)
      implements NodeSpec {}

  /** Inputs are [stream, table]. */
  record LookupJoinNode(
      NodeBase base, String leftKey, String rightKey, Optional<String> select, Optional<Duration> ttl, boolean emitOnMissing)
      implements NodeSpec {}

  record DeduplicateNode(NodeBase base, Optional<String> keyBy, Duration ttl) implements NodeSpec {}

  record ProcessNode(NodeBase base, Optional<String> keyBy, List<ProcessState> state, ProcessHandler onRecord, Optional<ProcessHandler> onTimer)
      implements NodeSpec {
    public ProcessNode {
      state = List.copyOf(state);
    }
  }

  enum JoinMode {
    WINDOW,
    INTERVAL;

    public static JoinMode of(String word) {
      return SpecEnums.of(JoinMode.class, word);
    }
  }

  /** A right record joins a left one when right.time ∈ [left.time − before, left.time + after]. */
  record Interval(Duration before, Duration after) {}
}
