package io.millrace.engine.state;

import io.millrace.engine.serialization.ValueSerializer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BinaryOperator;

/**
 * Declares a piece of keyed state: its name (unique within a node), kind, serializers, and for
 * reducing/aggregating state the function; optionally a TTL. The type parameter is the state
 * interface the backend returns, so {@code backend.getState(nodeId, descriptor)} is typed:
 *
 * <pre>{@code
 * StateDescriptor<ValueState<Long>> count = StateDescriptor.value("count", Serializers.LONG);
 * StateDescriptor<MapState<String, Object>> seen =
 *     StateDescriptor.map("seen", Serializers.STRING, Serializers.RECORD)
 *         .withTtl(StateTtlConfig.onWrite(Duration.ofMinutes(10)));
 * }</pre>
 *
 * <p>Together with the node id, (name, kind, {@link #serializerVersion()}) addresses the state in
 * checkpoints (DESIGN.md §8). Descriptors are immutable; {@code withTtl} returns a copy.
 *
 * @param <S> the state interface
 */
public final class StateDescriptor<S extends State> {

  private final String name;
  private final StateKind kind;
  private final ValueSerializer<?> valueSerializer;
  private final ValueSerializer<?> userKeySerializer;
  private final BinaryOperator<?> reduceFunction;
  private final AggregateFunction<?, ?, ?> aggregateFunction;
  private final StateTtlConfig ttl;
  private final String layout;

  private StateDescriptor(String name, StateKind kind, ValueSerializer<?> valueSerializer,
      ValueSerializer<?> userKeySerializer, BinaryOperator<?> reduceFunction,
      AggregateFunction<?, ?, ?> aggregateFunction, StateTtlConfig ttl) {
    this(name, kind, valueSerializer, userKeySerializer, reduceFunction, aggregateFunction, ttl, "");
  }

  private StateDescriptor(String name, StateKind kind, ValueSerializer<?> valueSerializer,
      ValueSerializer<?> userKeySerializer, BinaryOperator<?> reduceFunction,
      AggregateFunction<?, ?, ?> aggregateFunction, StateTtlConfig ttl, String layout) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("state name must not be blank");
    }
    this.name = name;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.valueSerializer = Objects.requireNonNull(valueSerializer, "value serializer");
    this.userKeySerializer = userKeySerializer;
    this.reduceFunction = reduceFunction;
    this.aggregateFunction = aggregateFunction;
    this.ttl = ttl;
    this.layout = Objects.requireNonNull(layout, "layout");
  }

  /** A {@link ValueState} of {@code T}. */
  public static <T> StateDescriptor<ValueState<T>> value(String name,
      ValueSerializer<T> serializer) {
    return new StateDescriptor<>(name, StateKind.VALUE, serializer, null, null, null, null);
  }

  /** A {@link ListState} of {@code T}; {@code serializer} is the element serializer. */
  public static <T> StateDescriptor<ListState<T>> list(String name,
      ValueSerializer<T> serializer) {
    return new StateDescriptor<>(name, StateKind.LIST, serializer, null, null, null, null);
  }

  /** A {@link MapState}; {@code keySerializer} must be deterministic. */
  public static <K, V> StateDescriptor<MapState<K, V>> map(String name,
      ValueSerializer<K> keySerializer, ValueSerializer<V> valueSerializer) {
    Objects.requireNonNull(keySerializer, "map key serializer");
    return new StateDescriptor<>(name, StateKind.MAP, valueSerializer, keySerializer, null, null,
        null);
  }

  /** A {@link ReducingState} combining values with {@code reduce}. */
  public static <T> StateDescriptor<ReducingState<T>> reducing(String name,
      BinaryOperator<T> reduce, ValueSerializer<T> serializer) {
    Objects.requireNonNull(reduce, "reduce function");
    return new StateDescriptor<>(name, StateKind.REDUCING, serializer, null, reduce, null, null);
  }

  /** An {@link AggregatingState}; {@code accumulatorSerializer} stores the accumulator. */
  public static <IN, ACC, OUT> StateDescriptor<AggregatingState<IN, OUT>> aggregating(String name,
      AggregateFunction<IN, ACC, OUT> function, ValueSerializer<ACC> accumulatorSerializer) {
    Objects.requireNonNull(function, "aggregate function");
    return new StateDescriptor<>(name, StateKind.AGGREGATING, accumulatorSerializer, null, null,
        function, null);
  }

  /** A copy of this descriptor with a TTL. */
  public StateDescriptor<S> withTtl(StateTtlConfig ttlConfig) {
    return new StateDescriptor<>(name, kind, valueSerializer, userKeySerializer, reduceFunction,
        aggregateFunction, Objects.requireNonNull(ttlConfig, "ttl"), layout);
  }

  /**
   * A copy of this descriptor recording {@code arrangement} in snapshots: what, besides kind and
   * serializer, must be the same for stored entries to mean the same thing (a window operator's slicing
   * and aggregate slots: bytes of 10 s slices read as 20 s windows give wrong results, not an error).
   * A restore whose recorded layout differs fails unless the state is dropped ({@link StateDrops}).
   */
  public StateDescriptor<S> withLayout(String arrangement) {
    return new StateDescriptor<>(name, kind, valueSerializer, userKeySerializer, reduceFunction,
        aggregateFunction, ttl, Objects.requireNonNull(arrangement, "layout"));
  }

  /** See {@link #withLayout}; empty when none was declared. */
  public String layout() {
    return layout;
  }

  public String name() {
    return name;
  }

  public StateKind kind() {
    return kind;
  }

  /**
   * The serializer of the stored value: the value (VALUE), the element (LIST), the map value
   * (MAP), the value (REDUCING) or the accumulator (AGGREGATING).
   */
  public ValueSerializer<?> valueSerializer() {
    return valueSerializer;
  }

  /** The map-key serializer, present only for MAP state. */
  public Optional<ValueSerializer<?>> userKeySerializer() {
    return Optional.ofNullable(userKeySerializer);
  }

  /** The reduce function of REDUCING state. */
  public Optional<BinaryOperator<?>> reduceFunction() {
    return Optional.ofNullable(reduceFunction);
  }

  /** The aggregate function of AGGREGATING state. */
  public Optional<AggregateFunction<?, ?, ?>> aggregateFunction() {
    return Optional.ofNullable(aggregateFunction);
  }

  public Optional<StateTtlConfig> ttl() {
    return Optional.ofNullable(ttl);
  }

  /**
   * The version recorded in checkpoints: the value serializer's version, and for MAP state also
   * the key serializer's ({@code key * 65536 + value}), so changing either format is detected.
   * TTL changes the stored layout too (an expiry timestamp is stored with each value): it adds
   * {@code 1 << 30}.
   */
  public int serializerVersion() {
    int v = valueSerializer.version();
    if (userKeySerializer != null) {
      v = userKeySerializer.version() * 65536 + v;
    }
    return ttl == null ? v : v | (1 << 30);
  }

  /** The address of this state for a node, as recorded in snapshots. */
  public StateMetaInfo metaInfo(String nodeId) {
    return new StateMetaInfo(nodeId, name, kind, serializerVersion(), layout);
  }

  @Override
  public String toString() {
    return kind + " state '" + name + "' (serializer version " + serializerVersion()
        + (ttl == null ? "" : ", ttl " + ttl.ttl()) + (layout.isEmpty() ? "" : ", layout '" + layout + "'") + ")";
  }
}
