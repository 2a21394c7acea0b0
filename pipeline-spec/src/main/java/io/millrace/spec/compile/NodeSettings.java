package io.millrace.spec.compile;

import io.millrace.spec.model.ConnectorSettings;
import io.millrace.spec.model.Durations;
import io.millrace.spec.model.NodeBase;
import io.millrace.spec.model.NodeSpec;
import io.millrace.spec.model.RecordSchema;
import io.millrace.spec.model.WindowSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A node's type-specific settings (defaults applied) as JSON-compatible values, for {@code
 * JobVertex.settings}: what a worker needs to build the operator, in the spec's own words
 * (durations as {@code 10s}, enums as {@code exactly-once}, windows with their {@code type}).
 *
 * <p>Generic over the model's records (their components, in declaration order) so a setting added
 * to the model reaches the plan without a change here; {@link NodeBase} is left out because the
 * vertex and its edges already carry id, type, inputs and parallelism.
 */
final class NodeSettings {

  private NodeSettings() {}

  static Map<String, Object> of(NodeSpec node) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (RecordComponent component : node.getClass().getRecordComponents()) {
      Object value = read(component, node);
      if (value instanceof NodeBase base) {
        settings.put("deadLetter", toJson(base.deadLetter()));
      } else if (value instanceof ConnectorSettings connector) {
        connector.values().forEach((k, v) -> settings.put(k, toJson(v)));
      } else {
        Object json = toJson(value);
        if (json != ABSENT) {
          settings.put(component.getName(), json);
        }
      }
    }
    return settings;
  }

  private static final Object ABSENT = new Object();

  static Object toJson(Object value) {
    if (value == null) {
      return ABSENT;
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(NodeSettings::toJson).orElse(ABSENT);
    }
    if (value instanceof OptionalInt optional) {
      return optional.isPresent() ? (Object) (long) optional.getAsInt() : ABSENT;
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof Duration duration) {
      return Durations.format(duration);
    }
    if (value instanceof Enum<?> constant) {
      return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
    if (value instanceof RecordSchema schema) {
      List<Object> fields = new ArrayList<>();
      schema.fields().forEach(f -> fields.add(Map.of("name", f.name(), "type", toJson(f.type()))));
      return Map.of("fields", fields);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(element -> {
        Object json = toJson(element);
        copy.add(json == ABSENT ? null : json);
      });
      return copy;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        Object json = toJson(v);
        if (json != ABSENT) {
          copy.put(String.valueOf(k), json);
        }
      });
      return copy;
    }
    if (value instanceof Record record) {
      Map<String, Object> copy = new LinkedHashMap<>();
      if (record instanceof WindowSpec) {
        copy.put("type", record.getClass().getSimpleName().toLowerCase(Locale.ROOT));
      }
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        Object json = toJson(read(component, record));
        if (json != ABSENT) {
          copy.put(component.getName(), json);
        }
      }
      return copy;
    }
    return String.valueOf(value);
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      // Model records are public with public accessors; failing here is a bug in the model.
      throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
    }
  }
}
