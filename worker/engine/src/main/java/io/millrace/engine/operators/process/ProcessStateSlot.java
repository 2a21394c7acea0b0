package io.millrace.engine.operators.process;

import io.millrace.engine.serialization.Serializers;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.ListState;
import io.millrace.engine.state.MapState;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.StateTtlConfig;
import io.millrace.engine.state.ValueState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One declared state of a process node ({@code {name, kind, type?, ttl?}}), bound to the backend
 * state of the same name and kind (value → value state, list → list state, map → map state; the
 * address of DESIGN.md §8 is (node id, name, kind, serializer version)).
 *
 * <p>Expressions see the whole current value: absent state reads as the zero value of its declared
 * type (0, 0.0, '', false, [], {}; null for other types), so {@code count + 1} works on the first
 * record. An update replaces the whole value; null clears it.
 */
sealed interface ProcessStateSlot {

  String name();

  Object read();

  /** Why {@code value} cannot be stored here, or null when it can (checked before any write). */
  default String rejects(Object value) {
    return null;
  }

  void write(Object value);

  static ProcessStateSlot bind(KeyedStateBackend backend, String nodeId, String name, String kind, String type,
      Optional<Long> ttlMillis) {
    Optional<StateTtlConfig> ttl = ttlMillis.map(ms -> StateTtlConfig.onWrite(Duration.ofMillis(ms)));
    return switch (kind) {
      case "value" -> {
        StateDescriptor<ValueState<Object>> d = StateDescriptor.value(name, Serializers.RECORD);
        yield new Value(name, backend.getState(nodeId, ttl.map(d::withTtl).orElse(d)), zeroOf(type));
      }
      case "list" -> {
        StateDescriptor<ListState<Object>> d = StateDescriptor.list(name, Serializers.RECORD);
        yield new ListSlot(name, backend.getState(nodeId, ttl.map(d::withTtl).orElse(d)));
      }
      case "map" -> {
        StateDescriptor<MapState<Object, Object>> d = StateDescriptor.map(name, Serializers.KEY, Serializers.RECORD);
        yield new MapSlot(name, backend.getState(nodeId, ttl.map(d::withTtl).orElse(d)));
      }
      default -> throw new IllegalArgumentException("state '" + name + "': unknown kind '" + kind + "' (value, list, map)");
    };
  }

  private static Object zeroOf(String type) {
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "int" -> 0L;
      case "double" -> 0.0;
      case "string" -> "";
      case "bool" -> false;
      case "list" -> List.of();
      case "map" -> Map.of();
      default -> null;
    };
  }

  record Value(String name, ValueState<Object> state, Object zero) implements ProcessStateSlot {
    @Override
    public Object read() {
      Object v = state.value();
      return v == null ? zero : v;
    }

    @Override
    public void write(Object value) {
      state.update(value);
    }
  }

  record ListSlot(String name, ListState<Object> state) implements ProcessStateSlot {
    @Override
    public String rejects(Object value) {
      return value == null || value instanceof List<?> ? null
          : "list state '" + name + "' must be updated with a list, got " + value.getClass().getSimpleName();
    }

    @Override
    public Object read() {
      return state.get();
    }

    @Override
    public void write(Object value) {
      if (value == null) {
        state.clear();
      } else if (value instanceof List<?> list) {
        state.update(new ArrayList<>(list));
      } else {
        throw new IllegalArgumentException("list state '" + name + "' must be updated with a list, got "
            + value.getClass().getSimpleName());
      }
    }
  }

  record MapSlot(String name, MapState<Object, Object> state) implements ProcessStateSlot {
    @Override
    public String rejects(Object value) {
      return value == null || value instanceof Map<?, ?> ? null
          : "map state '" + name + "' must be updated with a map, got " + value.getClass().getSimpleName();
    }

    @Override
    public Object read() {
      return new LinkedHashMap<>(state.entries());
    }

    @Override
    public void write(Object value) {
      if (value == null) {
        state.clear();
      } else if (value instanceof Map<?, ?> map) {
        state.clear();
        Map<Object, Object> copy = new LinkedHashMap<>(map);
        copy.values().removeIf(v -> v == null);
        state.putAll(copy);
      } else {
        throw new IllegalArgumentException("map state '" + name + "' must be updated with a map, got "
            + value.getClass().getSimpleName());
      }
    }
  }
}
