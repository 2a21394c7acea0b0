package io.millrace.spec.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.spec.catalog.BuiltinNodeKinds;
import io.millrace.spec.catalog.Catalog;
import io.millrace.spec.catalog.DocumentShape;
import io.millrace.spec.catalog.NodeKindDescriptor;
import io.millrace.spec.catalog.NodeRole;
import io.millrace.spec.catalog.SettingDescriptor;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.model.AggregateSpec;
import io.millrace.spec.model.CheckpointingSpec;
import io.millrace.spec.model.ConnectorSettings;
import io.millrace.spec.model.DeadLetterSpec;
import io.millrace.spec.model.Durations;
import io.millrace.spec.model.InputRef;
import io.millrace.spec.model.Metadata;
import io.millrace.spec.model.NodeBase;
import io.millrace.spec.model.NodeSpec;
import io.millrace.spec.model.PipelineSpec;
import io.millrace.spec.model.ProcessHandler;
import io.millrace.spec.model.ProcessState;
import io.millrace.spec.model.RecordSchema;
import io.millrace.spec.model.RestartStrategySpec;
import io.millrace.spec.model.Spec;
import io.millrace.spec.model.WatermarkSpec;
import io.millrace.spec.model.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns a document that passed every check into the typed model, applying the catalog's defaults.
 * Only called on valid trees, so it reads without re-checking.
 */
final class ModelBinder {

  private final Catalog catalog;

  ModelBinder(Catalog catalog) {
    this.catalog = catalog;
  }

  PipelineSpec bind(JsonNode root) {
    JsonNode spec = root.get("spec");
    List<NodeSpec> nodes = new ArrayList<>();
    spec.get("nodes").forEach(n -> nodes.add(node(n)));
    return new PipelineSpec(root.get("apiVersion").textValue(), root.get("kind").textValue(), metadata(root.get("metadata")),
        new Spec(
            (int) spec.path("parallelism").asLong(1),
            (int) spec.path("maxParallelism").asLong(DocumentShape.DEFAULT_MAX_PARALLELISM),
            checkpointing(spec.path("checkpointing")),
            restartStrategy(spec.path("restartStrategy")),
            nodes));
  }

  private static Metadata metadata(JsonNode metadata) {
    Map<String, String> labels = new LinkedHashMap<>();
    metadata.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().textValue()));
    Map<String, Metadata.LayoutPosition> layout = new LinkedHashMap<>();
    metadata.path("layout").fields().forEachRemaining(e ->
        layout.put(e.getKey(), new Metadata.LayoutPosition(e.getValue().path("x").asDouble(), e.getValue().path("y").asDouble())));
    return new Metadata(metadata.get("name").textValue(), labels, text(metadata, "description"), layout);
  }

  private static CheckpointingSpec checkpointing(JsonNode c) {
    return new CheckpointingSpec(
        duration(c, "interval", "10s"),
        CheckpointingSpec.Mode.of(c.path("mode").asText("exactly-once")),
        duration(c, "timeout", "10m"),
        (int) c.path("retained").asLong(1));
  }

  private static RestartStrategySpec restartStrategy(JsonNode r) {
    return switch (r.path("type").asText("exponential-backoff")) {
      case "fixed-delay" -> new RestartStrategySpec.FixedDelay((int) r.path("attempts").asLong(3), duration(r, "delay", "10s"));
      case "failure-rate" -> new RestartStrategySpec.FailureRate((int) r.path("maxFailures").asLong(3), duration(r, "interval", "5m"),
          duration(r, "delay", "10s"));
      case "none" -> new RestartStrategySpec.NoRestart();
      default -> new RestartStrategySpec.ExponentialBackoff(duration(r, "initialDelay", "1s"), duration(r, "maxDelay", "5m"),
          r.path("multiplier").asDouble(2.0));
    };
  }

  private NodeSpec node(JsonNode n) {
    NodeKindDescriptor kind = catalog.kind(n.get("type").textValue()).orElseThrow();
    List<InputRef> inputs = new ArrayList<>();
    n.path("inputs").forEach(i -> inputs.add(InputRef.parse(i.textValue())));
    JsonNode dl = n.path("deadLetter");
    DeadLetterSpec deadLetter = new DeadLetterSpec(DeadLetterSpec.OnError.of(dl.path("onError").asText("route")),
        dl.path("includeRecord").asBoolean(true));
    OptionalInt parallelism = n.has("parallelism") ? OptionalInt.of((int) n.get("parallelism").asLong()) : OptionalInt.empty();
    NodeBase base = new NodeBase(n.get("id").textValue(), kind.name(), inputs, parallelism, deadLetter);
    if (kind.role() == NodeRole.SOURCE) {
      return new NodeSpec.SourceNode(base, schema(n.path("schema")), watermark(n.path("watermark")), connectorSettings(kind, n));
    }
    if (kind.role() == NodeRole.SINK) {
      return new NodeSpec.SinkNode(base, connectorSettings(kind, n));
    }
    return switch (kind.name()) {
      case BuiltinNodeKinds.MAP -> new NodeSpec.MapNode(base, n.get("expression").textValue());
      case BuiltinNodeKinds.FILTER -> new NodeSpec.FilterNode(base, n.get("expression").textValue());
      case BuiltinNodeKinds.FLAT_MAP -> new NodeSpec.FlatMapNode(base, n.get("expression").textValue());
      case BuiltinNodeKinds.KEY_BY -> new NodeSpec.KeyByNode(base, n.get("expression").textValue());
      case BuiltinNodeKinds.UNION -> new NodeSpec.UnionNode(base);
      case BuiltinNodeKinds.WINDOW_AGGREGATE -> new NodeSpec.WindowAggregateNode(base, text(n, "keyBy"), window(n.get("window")),
          aggregates(n.get("aggregates")), duration(n, "allowedLateness", "0s"), n.path("lateOutput").asBoolean(false));
      case BuiltinNodeKinds.JOIN -> new NodeSpec.JoinNode(base, NodeSpec.JoinMode.of(n.get("mode").textValue()),
          n.get("leftKey").textValue(), n.get("rightKey").textValue(),
          n.has("window") ? Optional.of(window(n.get("window"))) : Optional.empty(),
          n.has("interval") ? Optional.of(new NodeSpec.Interval(duration(n.get("interval"), "before", "0s"),
              duration(n.get("interval"), "after", "0s"))) : Optional.empty(),
          text(n, "select"));
      case BuiltinNodeKinds.LOOKUP_JOIN -> new NodeSpec.LookupJoinNode(base, n.get("leftKey").textValue(), n.get("rightKey").textValue(),
          text(n, "select"), text(n, "ttl").flatMap(Durations::parse), !"drop".equals(n.path("onMissing").asText("emit")));
      case BuiltinNodeKinds.DEDUPLICATE -> new NodeSpec.DeduplicateNode(base, text(n, "keyBy"), duration(n, "ttl", "0s"));
      case BuiltinNodeKinds.PROCESS -> new NodeSpec.ProcessNode(base, text(n, "keyBy"), states(n.path("state")),
          handler(n.get("onRecord")), n.has("onTimer") ? Optional.of(handler(n.get("onTimer"))) : Optional.empty());
      default -> throw new IllegalStateException("no model for node kind " + kind.name());
    };
  }

  private static Optional<RecordSchema> schema(JsonNode schema) {
    if (schema.isMissingNode()) {
      return Optional.empty();
    }
    List<RecordSchema.Field> fields = new ArrayList<>();
    schema.get("fields").forEach(f -> fields.add(new RecordSchema.Field(f.get("name").textValue(),
        TypeFlow.fieldType(f.get("type").textValue()))));
    return Optional.of(new RecordSchema(fields));
  }

  private static Optional<WatermarkSpec> watermark(JsonNode w) {
    if (w.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(new WatermarkSpec(w.get("timestamp").textValue(), duration(w, "maxOutOfOrderness", "0s"),
        text(w, "idleTimeout").flatMap(Durations::parse)));
  }

  private static WindowSpec window(JsonNode w) {
    return switch (w.get("type").textValue()) {
      case "tumbling" -> new WindowSpec.Tumbling(duration(w, "size", "0s"));
      case "sliding" -> new WindowSpec.Sliding(duration(w, "size", "0s"), duration(w, "slide", "0s"));
      default -> new WindowSpec.Session(duration(w, "gap", "0s"));
    };
  }

  private static List<AggregateSpec> aggregates(JsonNode list) {
    List<AggregateSpec> aggregates = new ArrayList<>();
    list.forEach(a -> aggregates.add(new AggregateSpec(a.get("name").textValue(), AggregateSpec.Fn.of(a.get("fn").textValue()),
        text(a, "field"), text(a, "expression"))));
    return aggregates;
  }

  private static List<ProcessState> states(JsonNode list) {
    List<ProcessState> states = new ArrayList<>();
    list.forEach(s -> {
      FieldType type = TypeFlow.fieldType(s.path("type").asText(null));
      states.add(new ProcessState(s.get("name").textValue(), ProcessState.Kind.of(s.get("kind").textValue()),
          type == null ? FieldType.ANY : type, text(s, "ttl").flatMap(Durations::parse)));
    });
    return states;
  }

  private static ProcessHandler handler(JsonNode h) {
    Map<String, String> update = new LinkedHashMap<>();
    h.path("update").fields().forEachRemaining(e -> update.put(e.getKey(), e.getValue().textValue()));
    return new ProcessHandler(update, text(h, "emit"), text(h, "setTimer"));
  }

  /** A connector's own settings as plain Java values, defaults filled in. */
  private static ConnectorSettings connectorSettings(NodeKindDescriptor kind, JsonNode n) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (SettingDescriptor setting : kind.settings().settings()) {
      JsonNode value = n.get(setting.name());
      if (value != null) {
        values.put(setting.name(), plain(value));
      } else if (setting.defaultValue() != null) {
        values.put(setting.name(), setting.defaultValue());
      }
    }
    return new ConnectorSettings(values);
  }

  private static Object plain(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber() || ShapeChecker.isInteger(value)) {
      return value.asLong();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      value.forEach(v -> list.add(plain(v)));
      return java.util.Collections.unmodifiableList(list);
    }
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        map.put(e.getKey(), plain(e.getValue()));
      }
      return java.util.Collections.unmodifiableMap(map);
    }
    return null;
  }

  private static Optional<String> text(JsonNode object, String name) {
    return Optional.ofNullable(JsonText.text(object, name));
  }

  private static Duration duration(JsonNode object, String name, String fallback) {
    String text = JsonText.text(object, name);
    return Durations.parse(text == null ? fallback : text).orElseThrow();
  }
}
