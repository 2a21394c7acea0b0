package io.millrace.engine.connector.datagen;

import io.millrace.spec.model.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code datagen-source} node's settings (as the catalog defines them) into a generator.
 * The spec validator has checked them already; errors here name the node and setting anyway, for
 * plans built by hand.
 */
final class DatagenSettings {

  private DatagenSettings() {}

  static RecordGenerator generator(String nodeId, Map<String, Object> settings) {
    long seed = longSetting(nodeId, settings, "seed", 0L);
    EventSchedule schedule = schedule(nodeId, settings);
    String generator = String.valueOf(settings.getOrDefault("generator", "fields"));
    return switch (generator) {
      case "nexmark" -> {
        Object options = settings.get("nexmark");
        String stream = options instanceof Map<?, ?> m && m.get("stream") != null ? m.get("stream").toString() : "all";
        NexmarkGenerator.Stream kind = switch (stream) {
          case "all" -> NexmarkGenerator.Stream.ALL;
          case "person" -> NexmarkGenerator.Stream.PERSON;
          case "auction" -> NexmarkGenerator.Stream.AUCTION;
          case "bid" -> NexmarkGenerator.Stream.BID;
          default -> throw error(nodeId, "nexmark.stream", "'" + stream + "' is not all, person, auction or bid");
        };
        yield new NexmarkGenerator(kind, schedule, seed);
      }
      case "fields" -> new FieldsGenerator(fields(nodeId, settings.get("fields")), schedule, seed);
      default -> throw error(nodeId, "generator", "'" + generator + "' is not fields or nexmark");
    };
  }

  /** Nexmark's 10 µs between events, unless {@code eventInterval} says otherwise (same base either way). */
  static EventSchedule schedule(String nodeId, Map<String, Object> settings) {
    Object interval = settings.get("eventInterval");
    if (interval == null) {
      return EventSchedule.NEXMARK_DEFAULT;
    }
    Duration parsed = Durations.parse(interval.toString()).filter(d -> !d.isZero())
        .orElseThrow(() -> error(nodeId, "eventInterval", "'" + interval + "' is not a duration like 5ms or 1s"));
    return new EventSchedule(EventSchedule.NEXMARK_DEFAULT.baseEpochMillis(), parsed.toNanos());
  }

  static long longSetting(String nodeId, Map<String, Object> settings, String name, long fallback) {
    Object value = settings.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    throw error(nodeId, name, "expected an integer, got '" + value + "'");
  }

  private static List<FieldsGenerator.Field> fields(String nodeId, Object specs) {
    if (!(specs instanceof List<?> list) || list.isEmpty()) {
      throw error(nodeId, "fields", "generator fields needs a non-empty list, e.g. fields: [{name: id, kind: sequence}]");
    }
    List<FieldsGenerator.Field> fields = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> spec) || spec.get("name") == null || spec.get("kind") == null) {
        throw error(nodeId, "fields[" + i + "]", "each field needs a name and a kind");
      }
      String name = spec.get("name").toString();
      String where = "fields[" + i + "]";
      fields.add(switch (spec.get("kind").toString()) {
        case "sequence" -> new FieldsGenerator.Sequence(name);
        case "random-int" -> new FieldsGenerator.RandomInt(name, number(nodeId, where, spec, "min", 0).longValue(),
            number(nodeId, where, spec, "max", 100).longValue());
        case "random-double" -> new FieldsGenerator.RandomDouble(name,
            number(nodeId, where, spec, "min", 0).doubleValue(), number(nodeId, where, spec, "max", 1).doubleValue());
        case "random-string" -> new FieldsGenerator.RandomString(name, number(nodeId, where, spec, "length", 8).intValue());
        case "one-of" -> {
          if (!(spec.get("values") instanceof List<?> values) || values.isEmpty()) {
            throw error(nodeId, where + ".values", "list the values to pick from, e.g. values: [red, green]");
          }
          yield new FieldsGenerator.OneOf(name, values.stream().map(String::valueOf).toList());
        }
        case "timestamp" -> new FieldsGenerator.Timestamp(name);
        case "uuid" -> new FieldsGenerator.Uuid(name);
        default -> throw error(nodeId, where + ".kind", "'" + spec.get("kind") + "' is not a known field kind");
      });
    }
    return fields;
  }

  private static Number number(String nodeId, String where, Map<?, ?> spec, String name, Number fallback) {
    Object value = spec.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n;
    }
    throw error(nodeId, where + "." + name, "expected a number, got '" + value + "'");
  }

  private static IllegalArgumentException error(String nodeId, String setting, String why) {
    return new IllegalArgumentException("datagen-source '" + nodeId + "', setting " + setting + ": " + why);
  }
}
