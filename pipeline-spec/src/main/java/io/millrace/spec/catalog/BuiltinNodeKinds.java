package io.millrace.spec.catalog;

import static io.millrace.spec.catalog.SettingDescriptor.optional;
import static io.millrace.spec.catalog.SettingDescriptor.required;
import static io.millrace.spec.catalog.SettingTypes.bool;
import static io.millrace.spec.catalog.SettingTypes.duration;
import static io.millrace.spec.catalog.SettingTypes.durationOrZero;
import static io.millrace.spec.catalog.SettingTypes.expression;
import static io.millrace.spec.catalog.SettingTypes.fieldType;
import static io.millrace.spec.catalog.SettingTypes.identifier;
import static io.millrace.spec.catalog.SettingTypes.listOf;
import static io.millrace.spec.catalog.SettingTypes.nonEmptyListOf;
import static io.millrace.spec.catalog.SettingTypes.oneOf;
import static io.millrace.spec.catalog.SettingTypes.string;

import io.millrace.spec.catalog.Condition.ForbiddenWhen;
import io.millrace.spec.catalog.Condition.RequiredWhen;
import io.millrace.spec.catalog.SettingType.MapType;
import io.millrace.spec.catalog.SettingType.ObjectType;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.statediff.BuiltinStateModels;
import java.util.List;
import java.util.Set;

/** The operators every Millrace pipeline can use (connectors come from {@link ConnectorProvider}s). */
public final class BuiltinNodeKinds {

  public static final String MAP = "map";
  public static final String FILTER = "filter";
  public static final String FLAT_MAP = "flat-map";
  public static final String KEY_BY = "key-by";
  public static final String UNION = "union";
  public static final String WINDOW_AGGREGATE = "window-aggregate";
  public static final String JOIN = "join";
  public static final String LOOKUP_JOIN = "lookup-join";
  public static final String DEDUPLICATE = "deduplicate";
  public static final String PROCESS = "process";

  /** Aggregate functions that need a {@code field}. */
  public static final Set<String> FIELD_AGGREGATES = Set.of("sum", "avg", "min", "max");

  private static final SideOutput DEAD_LETTER =
      new SideOutput(
          SideOutput.DEAD_LETTER,
          "Records whose expression failed, with the reason (never dropped silently).",
          null);

  private BuiltinNodeKinds() {}

  public static List<NodeKindDescriptor> all() {
    return List.of(
        map(), filter(), flatMap(), keyBy(), union(), windowAggregate(), join(), lookupJoin(),
        deduplicate(), process());
  }

  /** Tumbling, sliding or session window; shared by window-aggregate and join. */
  public static ObjectType window() {
    Set<String> notSliding = Set.of("tumbling", "session");
    return ObjectType.of(
            required("type", oneOf("tumbling", "sliding", "session"),
                    "tumbling: fixed, non-overlapping; sliding: fixed size, a new window every `slide`; "
                        + "session: closes after `gap` without records for the key.")
                .withExample("tumbling"),
            optional("size", duration(), "Window length (tumbling and sliding).").withExample("10s"),
            optional("slide", duration(), "How often a sliding window starts; at most `size`.").withExample("5s"),
            optional("gap", duration(), "Inactivity that closes a session window.").withExample("30s"))
        .withConditions(
            new RequiredWhen("size", "type", Set.of("tumbling", "sliding"), "add `size`, e.g. size: 10s"),
            new RequiredWhen("slide", "type", Set.of("sliding"), "add `slide` (how often a window starts), e.g. slide: 5s"),
            new ForbiddenWhen("slide", "type", notSliding, "`slide` only applies to sliding windows: remove it or use type: sliding"),
            new RequiredWhen("gap", "type", Set.of("session"), "add `gap` (inactivity that closes the session), e.g. gap: 30s"),
            new ForbiddenWhen("gap", "type", Set.of("tumbling", "sliding"), "`gap` only applies to session windows: remove it or use type: session"),
            new ForbiddenWhen("size", "type", Set.of("session"), "session windows have no fixed size: remove `size` and set `gap`"));
  }

  static ObjectType aggregate() {
    return ObjectType.of(
            required("name", identifier(), "Name of the result field in the output record.").withExample("total"),
            required("fn", oneOf("count", "sum", "avg", "min", "max", "first", "last", "reduce"),
                    "Aggregate function.")
                .withExample("sum"),
            optional("field", identifier(),
                    "Input record field to aggregate (sum, avg, min, max; optional for first/last: whole record if absent).")
                .withExample("amount"),
            optional("expression", expression(ExpressionKind.VALUE),
                    "reduce only: combines the accumulator `acc` with the next record `value`; the first record is the initial `acc`.")
                .withExample("acc.price > value.price ? acc : value"))
        .withConditions(
            new RequiredWhen("field", "fn", FIELD_AGGREGATES, "name the input field to aggregate, e.g. field: amount"),
            new ForbiddenWhen("field", "fn", Set.of("count", "reduce"), "count and reduce take no `field`: remove it"),
            new RequiredWhen("expression", "fn", Set.of("reduce"), "add `expression` combining `acc` and `value`, e.g. expression: \"acc.price > value.price ? acc : value\""),
            new ForbiddenWhen("expression", "fn", Set.of("count", "sum", "avg", "min", "max", "first", "last"), "only reduce takes an `expression`: remove it or use fn: reduce"));
  }

  private static SettingDescriptor keyBySetting() {
    return optional("keyBy", expression(ExpressionKind.KEY),
            "Key of each record; required unless the input is a key-by node.")
        .withExample("value.sensorId");
  }

  private static NodeKindDescriptor transform(String name, String description, ObjectType settings, List<String> rules) {
    return new NodeKindDescriptor(name, NodeRole.TRANSFORM, description, settings, 1, 1, false, List.of(DEAD_LETTER), rules, false);
  }

  static NodeKindDescriptor map() {
    return transform(MAP, "Transforms each record into a new record.",
        ObjectType.of(required("expression", expression(ExpressionKind.VALUE), "The new record, from `value`.")
            .withExample("{'user': value.user, 'euros': value.dollars * 0.9}")),
        List.of());
  }

  static NodeKindDescriptor filter() {
    return transform(FILTER, "Keeps the records for which the predicate is true.",
        ObjectType.of(required("expression", expression(ExpressionKind.PREDICATE), "Predicate over `value`.")
            .withExample("value.level == 'ERROR'")),
        List.of());
  }

  static NodeKindDescriptor flatMap() {
    return transform(FLAT_MAP, "Turns each record into zero or more records (the expression yields a list).",
        ObjectType.of(required("expression", expression(ExpressionKind.LIST), "A list of output records, from `value`.")
            .withExample("value.split(' ')")),
        List.of());
  }

  static NodeKindDescriptor keyBy() {
    return transform(KEY_BY, "Partitions the stream by a key; keyed operators downstream use it.",
        ObjectType.of(required("expression", expression(ExpressionKind.KEY), "The key of each record.")
            .withExample("value.userId")),
        List.of());
  }

  static NodeKindDescriptor union() {
    return new NodeKindDescriptor(UNION, NodeRole.TRANSFORM,
        "Merges two or more streams into one.", ObjectType.of(), 2, -1, false, List.of(), List.of(), false);
  }

  static NodeKindDescriptor windowAggregate() {
    return new NodeKindDescriptor(WINDOW_AGGREGATE, NodeRole.WINDOW_JOIN,
        "Groups records by key and event-time window and emits one record per key and window: "
            + "{key, windowStart, windowEnd, <aggregate name>...}.",
        ObjectType.of(
            keyBySetting(),
            required("window", window(), "The window assigner."),
            required("aggregates", nonEmptyListOf(aggregate()), "The aggregates computed per key and window."),
            optional("allowedLateness", durationOrZero(), "How long after the watermark passes a window's end late records still update it.")
                .withDefault("0s"),
            optional("lateOutput", bool(), "Send records later than allowedLateness to the side output `<id>.late` instead of dropping them.")
                .withDefault(false)),
        1, 1, true,
        List.of(new SideOutput(SideOutput.LATE, "Records that arrived after allowedLateness.", "lateOutput"), DEAD_LETTER),
        List.of("needs `keyBy` or a key-by input", "sliding windows: `slide` must not exceed `size`",
            "aggregate names are unique and differ from key, windowStart, windowEnd"),
        false).withStateModel(BuiltinStateModels::windowAggregate);
  }

  static NodeKindDescriptor join() {
    ObjectType interval = ObjectType.of(
        required("before", durationOrZero(), "How far before a left record's time a right record may be.").withExample("5m"),
        required("after", durationOrZero(), "How far after a left record's time a right record may be.").withExample("5m"));
    return new NodeKindDescriptor(JOIN, NodeRole.WINDOW_JOIN,
        "Joins two keyed streams (inputs: [left, right]) on equal keys, within the same window or a time interval.",
        ObjectType.of(
                required("mode", oneOf("window", "interval"),
                        "window: records of the same window join; interval: right.time within [left.time - before, left.time + after].")
                    .withExample("interval"),
                required("leftKey", expression(ExpressionKind.KEY), "Key of a left record (`value`).").withExample("value.auctionId"),
                required("rightKey", expression(ExpressionKind.KEY), "Key of a right record (`value`).").withExample("value.id"),
                optional("window", window(), "mode window: the window both sides are assigned to."),
                optional("interval", interval, "mode interval: the time bounds."),
                optional("select", expression(ExpressionKind.VALUE), "The joined record, from `left` and `right` (default: {'left': left, 'right': right}).")
                    .withExample("{'auction': right.itemName, 'price': left.price}"))
            .withConditions(
                new RequiredWhen("window", "mode", Set.of("window"), "add `window`, e.g. window: {type: tumbling, size: 10s}"),
                new ForbiddenWhen("window", "mode", Set.of("interval"), "interval joins take `interval`, not `window`"),
                new RequiredWhen("interval", "mode", Set.of("interval"), "add `interval`, e.g. interval: {before: 5m, after: 5m}"),
                new ForbiddenWhen("interval", "mode", Set.of("window"), "window joins take `window`, not `interval`")),
        2, 2, false, List.of(DEAD_LETTER), List.of("exactly 2 inputs: left then right"), false).withStateModel(BuiltinStateModels::join);
  }

  static NodeKindDescriptor lookupJoin() {
    return new NodeKindDescriptor(LOOKUP_JOIN, NodeRole.WINDOW_JOIN,
        "Enriches a stream (first input) from a table kept in keyed state, built from the second input (latest row per key).",
        ObjectType.of(
            required("leftKey", expression(ExpressionKind.KEY), "Key of a stream record (`value`).").withExample("value.customerId"),
            required("rightKey", expression(ExpressionKind.KEY), "Key of a table row (`value`).").withExample("value.id"),
            optional("select", expression(ExpressionKind.VALUE), "The enriched record, from `left` (stream) and `right` (table row, null if missing).")
                .withExample("{'order': left, 'customer': right}"),
            optional("ttl", duration(), "Forget table rows not updated for this long (default: keep forever).").withExample("1d"),
            optional("onMissing", oneOf("emit", "drop"), "What to do when no table row matches: emit with right = null, or drop.")
                .withDefault("emit")),
        2, 2, false, List.of(DEAD_LETTER), List.of("exactly 2 inputs: stream then table"), false).withStateModel(BuiltinStateModels::lookupJoin);
  }

  static NodeKindDescriptor deduplicate() {
    return new NodeKindDescriptor(DEDUPLICATE, NodeRole.TRANSFORM,
        "Drops records whose key was already seen within `ttl` (keeps the first).",
        ObjectType.of(
            keyBySetting(),
            required("ttl", duration(), "How long a key is remembered.").withExample("1h")),
        1, 1, true, List.of(DEAD_LETTER), List.of("needs `keyBy` or a key-by input"), false).withStateModel(BuiltinStateModels::deduplicate);
  }

  static NodeKindDescriptor process() {
    ObjectType stateDecl = ObjectType.of(
            required("name", identifier(), "State name; a variable of that name holds its current value in every expression.")
                .withExample("count"),
            required("kind", oneOf("value", "list", "map"), "value: one value; list: a list; map: a map.").withExample("value"),
            optional("type", fieldType(), "value state: the type of the value (default any).").withExample("int"),
            optional("ttl", duration(), "Clear the state when not updated for this long.").withExample("1h"))
        .withConditions(new ForbiddenWhen("type", "kind", Set.of("list", "map"), "`type` only applies to value state: remove it"));
    ObjectType handler = ObjectType.of(
        optional("update", new MapType(expression(ExpressionKind.VALUE), SettingTypes.IDENTIFIER_PATTERN),
                "New state values by state name, all computed from the state before this event (null clears).")
            .withExample(java.util.Map.of("count", "count + 1")),
        optional("emit", expression(ExpressionKind.LIST), "Records to emit, as a list (may be empty).")
            .withExample("count + 1 == 3 ? [value] : []"),
        optional("setTimer", expression(ExpressionKind.TIMESTAMP), "Registers an event-time timer for this key.")
            .withExample("timestamp + duration('10m')"));
    return new NodeKindDescriptor(PROCESS, NodeRole.TRANSFORM,
        "A keyed state machine in CEL: declared value/list/map state, and handlers run on each record (`onRecord`) "
            + "and when a timer fires (`onTimer`). Variables: `value`, `key`, `timestamp`, every state name, and "
            + "`timer` (the firing time, in onTimer).",
        ObjectType.of(
            keyBySetting(),
            optional("state", listOf(stateDecl), "Declared state, scoped to the key."),
            required("onRecord", handler, "Runs for each record."),
            optional("onTimer", handler, "Runs when a timer set by setTimer fires (`value` is null there).")),
        1, 1, true, List.of(DEAD_LETTER),
        List.of("needs `keyBy` or a key-by input", "state names are unique and not value, key, timestamp or timer",
            "update names only declared state"),
        false).withStateModel(BuiltinStateModels::process);
  }
}
