package io.millrace.spec.catalog;

import static io.millrace.spec.catalog.SettingDescriptor.optional;
import static io.millrace.spec.catalog.SettingDescriptor.required;

import io.millrace.spec.catalog.SettingType.ListType;
import io.millrace.spec.catalog.SettingType.ObjectType;
import io.millrace.spec.catalog.SettingType.StringType;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.statediff.BuiltinStateModels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every node kind a pipeline may use: the built-in operators plus the connectors of every {@link
 * ConnectorProvider}. Immutable once built; build it once per process and share it.
 */
public final class Catalog {

  private final Map<String, NodeKindDescriptor> kinds;

  private Catalog(Map<String, NodeKindDescriptor> kinds) {
    this.kinds = kinds;
  }

  /** Built-in operators plus the connectors found with {@link ServiceLoader}. */
  public static Catalog load() {
    List<ConnectorProvider> providers = new ArrayList<>();
    ServiceLoader.load(ConnectorProvider.class, Catalog.class.getClassLoader()).forEach(providers::add);
    return of(providers);
  }

  /** Built-in operators plus the connectors of the given providers (tests, embedding). */
  public static Catalog of(Collection<? extends ConnectorProvider> providers) {
    Map<String, NodeKindDescriptor> kinds = new LinkedHashMap<>();
    BuiltinNodeKinds.all().forEach(k -> kinds.put(k.name(), k));
    List<ConnectorDescriptor> connectors = new ArrayList<>();
    providers.forEach(p -> connectors.addAll(p.connectors()));
    connectors.sort(java.util.Comparator.comparing(ConnectorDescriptor::name));
    for (ConnectorDescriptor c : connectors) {
      if (kinds.containsKey(c.name())) {
        throw new IllegalStateException("node kind registered twice: " + c.name());
      }
      kinds.put(c.name(), asNodeKind(c));
    }
    return new Catalog(Map.copyOf(kinds));
  }

  private static NodeKindDescriptor asNodeKind(ConnectorDescriptor c) {
    boolean source = c.role() == NodeRole.SOURCE;
    boolean hasExpressions = containsExpression(c.settings());
    // a source also dead-letters input it cannot read (malformed messages) and failed watermark timestamps
    List<SideOutput> outputs = source
        ? List.of(new SideOutput(SideOutput.DEAD_LETTER,
            "Input that could not be read (e.g. malformed messages) or whose watermark timestamp failed, with the reason.", null))
        : hasExpressions
        ? List.of(new SideOutput(SideOutput.DEAD_LETTER, "Records whose expression failed, with the reason.", null))
        : List.of();
    return new NodeKindDescriptor(c.name(), c.role(), c.description(), c.settings(),
        source ? 0 : 1, source ? 0 : -1, false, outputs, c.rules(), true, c.outputType(),
        source ? BuiltinStateModels.source(c.positionSettings()) : BuiltinStateModels.sink());
  }

  private static boolean containsExpression(SettingType type) {
    if (type instanceof SettingType.ExpressionType) {
      return true;
    }
    if (type instanceof ObjectType o) {
      return o.settings().stream().anyMatch(s -> containsExpression(s.type()));
    }
    if (type instanceof ListType l) {
      return containsExpression(l.items());
    }
    return type instanceof SettingType.MapType m && containsExpression(m.values());
  }

  public Optional<NodeKindDescriptor> kind(String name) {
    return Optional.ofNullable(name == null ? null : kinds.get(name));
  }

  /** All kinds, sorted by name (stable order for the schema and the palette). */
  public List<NodeKindDescriptor> kinds() {
    return kinds.values().stream().sorted(java.util.Comparator.comparing(NodeKindDescriptor::name)).toList();
  }

  /** The full settings of a node of this kind: the common ones, then the source ones, then its own. */
  public ObjectType nodeShape(NodeKindDescriptor kind) {
    List<SettingDescriptor> settings = new ArrayList<>();
    settings.add(required("id", SettingTypes.id(),
            "Stable identity of the node (and of its state across versions): keep it when editing.")
        .withExample("words"));
    settings.add(required("type", SettingTypes.oneOf(kind.name()), kind.description()).withExample(kind.name()));
    if (kind.maxInputs() != 0) {
      settings.add(required("inputs", new ListType(new StringType(SettingTypes.INPUT_PATTERN,
                      "a node id, or <node id>.<side output>", 0), 0),
              "Upstream nodes, by id; `<id>.late` / `<id>.dead-letter` read a side output.")
          .withExample(List.of("lines")));
    }
    settings.add(optional("parallelism", SettingTypes.integer(1, SettingTypes.MAX_PARALLELISM),
            "Parallel instances of this node (default: spec.parallelism); at most spec.maxParallelism.")
        .withExample(4));
    if (kind.sideOutput(SideOutput.DEAD_LETTER).isPresent()) {
      settings.add(optional("deadLetter", deadLetter(),
          "What happens to records whose expression fails (default: routed to `<id>.dead-letter`)."));
    }
    if (kind.role() == NodeRole.SOURCE) {
      settings.add(optional("schema", recordSchema(),
          "Declared record fields: expressions downstream are type-checked against them."));
      settings.add(optional("watermark", watermark(), "Event time and watermarks (default: processing time)."));
    }
    settings.addAll(kind.settings().settings());
    return new ObjectType(settings, kind.settings().conditions());
  }

  static ObjectType deadLetter() {
    return ObjectType.of(
        optional("onError", SettingTypes.oneOf("route", "fail"),
                "route: send the record and the reason to `<id>.dead-letter` (counted and logged if nothing reads it); "
                    + "fail: fail the task (the job restarts by its restart strategy).")
            .withDefault("route"),
        optional("includeRecord", SettingTypes.bool(), "Include the failed record in the dead-letter output.")
            .withDefault(true));
  }

  static ObjectType recordSchema() {
    ObjectType field = ObjectType.of(
        required("name", SettingTypes.identifier(), "Field name.").withExample("sensorId"),
        required("type", SettingTypes.fieldType(), "Field type.").withExample("string"));
    return ObjectType.of(required("fields", SettingTypes.nonEmptyListOf(field), "The record's fields."));
  }

  static ObjectType watermark() {
    return ObjectType.of(
        required("timestamp", SettingTypes.expression(ExpressionKind.TIMESTAMP),
                "Event time of a record: a timestamp, or epoch milliseconds.")
            .withExample("value.eventTime"),
        optional("maxOutOfOrderness", SettingTypes.durationOrZero(), "How late a record may be behind the newest one.")
            .withDefault("0s"),
        optional("idleTimeout", SettingTypes.duration(),
                "Mark a partition idle after this long without records, so it does not hold back the watermark.")
            .withExample("1m"));
  }
}
