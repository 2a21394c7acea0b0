package io.millrace.spec.statediff;

import static io.millrace.spec.statediff.SerializerVersions.ACCUMULATOR_ROW;
import static io.millrace.spec.statediff.SerializerVersions.KEY;
import static io.millrace.spec.statediff.SerializerVersions.LONG;
import static io.millrace.spec.statediff.SerializerVersions.RECORD;
import static io.millrace.spec.statediff.SerializerVersions.SESSION_LIST;

import io.millrace.spec.model.AggregateSpec;
import io.millrace.spec.model.Durations;
import io.millrace.spec.model.NodeSpec;
import io.millrace.spec.model.NodeSpec.DeduplicateNode;
import io.millrace.spec.model.NodeSpec.JoinNode;
import io.millrace.spec.model.NodeSpec.LookupJoinNode;
import io.millrace.spec.model.NodeSpec.ProcessNode;
import io.millrace.spec.model.NodeSpec.WindowAggregateNode;
import io.millrace.spec.model.ProcessState;
import io.millrace.spec.model.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The state declarations of the built-in operators, one model per kind, written from what the
 * engine's operators register (state names are the engine's constants; {@code
 * DeclaredStatesMatchSnapshotsTest} in worker/engine keeps the two in step).
 *
 * <p>Decisions, per kind (layout = a change drops the state; behaviour = the state is kept):
 *
 * <ul>
 *   <li>window-aggregate: layout = key, window (type, size, slide, gap), the aggregate functions
 *       and fields in order (one accumulator slot each); behaviour = aggregate output names, reduce
 *       expressions, allowed lateness, late output.
 *   <li>join: left and right records are stored under their own side's key; window joins also
 *       depend on the window; interval bounds and select are behaviour.
 *   <li>lookup-join: the table is stored under the right (table) key; whether a TTL is set changes
 *       the stored format, its length does not; left key, select, onMissing are behaviour.
 *   <li>deduplicate: key is layout; ttl is behaviour.
 *   <li>process: one state per declared state; key and TTL presence are layout; value type and
 *       TTL length are behaviour.
 *   <li>window and join operators also keep the watermark they reached as operator state (never
 *       incompatible: it is one timestamp).
 * </ul>
 */
public final class BuiltinStateModels {

  static final String SLICE_STATE = "slice-accumulators";
  static final String SESSIONS_STATE = "sessions";
  static final String SESSION_ACCUMULATOR_STATE = "session-accumulators";
  static final String WINDOW_JOIN_LEFT = "left-records";
  static final String WINDOW_JOIN_RIGHT = "right-records";
  static final String SESSION_JOIN_SESSIONS = "join-sessions";
  static final String SESSION_JOIN_LEFT = "left-session-records";
  static final String SESSION_JOIN_RIGHT = "right-session-records";
  static final String INTERVAL_LEFT = "left-buffer";
  static final String INTERVAL_RIGHT = "right-buffer";
  static final String TABLE_STATE = "table";
  static final String SEEN_STATE = "first-seen";
  /** Operator state of window and join operators: the watermark they reached. */
  static final String WATERMARK_STATE = "watermark";

  private static final String KEY_CHANGED =
      "state is stored per key, so entries stored under the old keys would never be read again";

  private BuiltinStateModels() {}

  /** window-aggregate: sliced windows (tumbling, sliding) or sessions, plus the watermark reached. */
  public static List<DeclaredState> windowAggregate(NodeSpec node, StateContext context) {
    WindowAggregateNode w = (WindowAggregateNode) node;
    StateFactor key = key("key", context.keyOf(node, w.keyBy()));
    StateFactor window = new StateFactor("window", describe(w.window()),
        "the open windows' contents cannot be re-sliced into the new windows");
    StateFactor aggregates = new StateFactor("aggregates", w.aggregates().stream()
        .map(BuiltinStateModels::slot).collect(Collectors.joining(", ")),
        "each open window keeps one accumulator per aggregate, in order, and accumulators of other "
            + "functions or fields cannot be converted");
    List<StateFactor> behaviour = List.of(
        new StateFactor("aggregate names", w.aggregates().stream().map(AggregateSpec::name)
            .collect(Collectors.joining(", ")), "open windows emit their results under the new names"),
        new StateFactor("reduce expressions", w.aggregates().stream()
            .filter(a -> a.expression().isPresent())
            .map(a -> a.name() + ": " + StateContext.normalize(a.expression().get()))
            .collect(Collectors.joining("; ")), "open windows combine further records with the new expression"),
        new StateFactor("allowedLateness", Durations.format(w.allowedLateness()),
            "windows already cleaned up stay closed; open ones are kept for the new lateness"),
        new StateFactor("lateOutput", String.valueOf(w.lateOutput()), "only records arriving from now on are affected"));
    List<StateFactor> layout = List.of(key, window, aggregates);
    List<DeclaredState> states = new ArrayList<>();
    if (w.window() instanceof WindowSpec.Session) {
      states.add(DeclaredState.keyed(SESSIONS_STATE, StateKind.VALUE, SESSION_LIST, List.of(key, window), behaviour));
      states.add(DeclaredState.keyed(SESSION_ACCUMULATOR_STATE, StateKind.VALUE, ACCUMULATOR_ROW, layout, behaviour));
    } else {
      states.add(DeclaredState.keyed(SLICE_STATE, StateKind.VALUE, ACCUMULATOR_ROW, layout, behaviour));
    }
    states.add(watermark());
    return states;
  }

  /** join: records of each side buffered under that side's key (per window slice, session or time). */
  public static List<DeclaredState> join(NodeSpec node, StateContext context) {
    JoinNode j = (JoinNode) node;
    StateFactor leftKey = key("left key", StateContext.normalize(j.leftKey()));
    StateFactor rightKey = key("right key", StateContext.normalize(j.rightKey()));
    List<StateFactor> behaviour = new ArrayList<>();
    behaviour.add(new StateFactor("select", j.select().map(StateContext::normalize).orElse("(default)"),
        "pairs joined from now on use the new select"));
    List<DeclaredState> states = new ArrayList<>();
    if (j.mode() == NodeSpec.JoinMode.INTERVAL) {
      NodeSpec.Interval interval = j.interval().orElseThrow();
      behaviour.add(new StateFactor("interval", "before " + Durations.format(interval.before()) + ", after "
          + Durations.format(interval.after()), "buffered records are matched with the new bounds, but records the old "
          + "bounds already cleaned up are gone"));
      int buffer = SerializerVersions.map(LONG, SerializerVersions.listOf(RECORD));
      states.add(DeclaredState.keyed(INTERVAL_LEFT, StateKind.MAP, buffer, List.of(leftKey), behaviour));
      states.add(DeclaredState.keyed(INTERVAL_RIGHT, StateKind.MAP, buffer, List.of(rightKey), behaviour));
    } else {
      WindowSpec spec = j.window().orElseThrow();
      StateFactor window = new StateFactor("window", describe(spec),
          "the records buffered per window of the old assigner cannot be re-assigned to the new windows");
      if (spec instanceof WindowSpec.Session) {
        states.add(DeclaredState.keyed(SESSION_JOIN_SESSIONS, StateKind.VALUE, SESSION_LIST,
            List.of(leftKey, rightKey, window), behaviour));
        states.add(DeclaredState.keyed(SESSION_JOIN_LEFT, StateKind.LIST, RECORD, List.of(leftKey, window), behaviour));
        states.add(DeclaredState.keyed(SESSION_JOIN_RIGHT, StateKind.LIST, RECORD, List.of(rightKey, window), behaviour));
      } else {
        states.add(DeclaredState.keyed(WINDOW_JOIN_LEFT, StateKind.LIST, RECORD, List.of(leftKey, window), behaviour));
        states.add(DeclaredState.keyed(WINDOW_JOIN_RIGHT, StateKind.LIST, RECORD, List.of(rightKey, window), behaviour));
      }
    }
    states.add(watermark());
    return states;
  }

  /** lookup-join: the latest table row per (right) key. */
  public static List<DeclaredState> lookupJoin(NodeSpec node, StateContext context) {
    LookupJoinNode l = (LookupJoinNode) node;
    List<StateFactor> layout = List.of(
        key("right key", StateContext.normalize(l.rightKey())),
        expiry("expiry", l.ttl()));
    List<StateFactor> behaviour = List.of(
        new StateFactor("left key", StateContext.normalize(l.leftKey()),
            "stream records look up the stored rows with the new key from now on"),
        ttl("ttl", l.ttl()),
        new StateFactor("select", l.select().map(StateContext::normalize).orElse("(default)"),
            "records enriched from now on use the new select"),
        new StateFactor("onMissing", l.emitOnMissing() ? "emit" : "drop", "only records arriving from now on are affected"));
    return List.of(DeclaredState.keyed(TABLE_STATE, StateKind.VALUE,
        SerializerVersions.withTtl(RECORD, l.ttl().isPresent()), layout, behaviour));
  }

  /** deduplicate: the time that opened the key's current period. */
  public static List<DeclaredState> deduplicate(NodeSpec node, StateContext context) {
    DeduplicateNode d = (DeduplicateNode) node;
    return List.of(DeclaredState.keyed(SEEN_STATE, StateKind.VALUE, LONG,
        List.of(key("key", context.keyOf(node, d.keyBy()))),
        List.of(new StateFactor("ttl", Durations.format(d.ttl()),
            "keys seen before the change are remembered until their old period ends; new periods use the new ttl"))));
  }

  /** process: exactly the declared value, list and map states. */
  public static List<DeclaredState> process(NodeSpec node, StateContext context) {
    ProcessNode p = (ProcessNode) node;
    StateFactor key = key("key", context.keyOf(node, p.keyBy()));
    List<DeclaredState> states = new ArrayList<>();
    for (ProcessState s : p.state()) {
      String of = " of " + s.name();
      List<StateFactor> layout = List.of(key, expiry("expiry" + of, s.ttl()));
      List<StateFactor> behaviour = new ArrayList<>();
      behaviour.add(ttl("ttl" + of, s.ttl()));
      if (s.kind() == ProcessState.Kind.VALUE) {
        behaviour.add(new StateFactor("type" + of, s.type() == null ? "any" : s.type().name().toLowerCase(Locale.ROOT),
            "stored values are kept as they are; only an absent value reads as the new type's zero"));
      }
      states.add(switch (s.kind()) {
        case VALUE -> DeclaredState.keyed(s.name(), StateKind.VALUE,
            SerializerVersions.withTtl(RECORD, s.ttl().isPresent()), layout, behaviour);
        case LIST -> DeclaredState.keyed(s.name(), StateKind.LIST,
            SerializerVersions.withTtl(RECORD, s.ttl().isPresent()), layout, behaviour);
        case MAP -> DeclaredState.keyed(s.name(), StateKind.MAP,
            SerializerVersions.withTtl(SerializerVersions.map(KEY, RECORD), s.ttl().isPresent()), layout, behaviour);
      });
    }
    return states;
  }

  /**
   * A source connector: its splits (what it reads and how far it got) as operator state. The
   * {@code positionSettings} say what is read (a topic, a stream): when one changes, the stored
   * positions belong to something else and are dropped; any other setting change keeps them.
   */
  public static NodeStateModel source(List<String> positionSettings) {
    return (node, context) -> {
      NodeSpec.SourceNode s = (NodeSpec.SourceNode) node;
      List<StateFactor> layout = new ArrayList<>();
      List<StateFactor> behaviour = new ArrayList<>();
      s.settings().values().forEach((name, value) -> {
        if (positionSettings.contains(name)) {
          layout.add(new StateFactor(name, String.valueOf(value),
              "the stored read positions belong to what the old setting named"));
        } else {
          behaviour.add(new StateFactor(name, String.valueOf(value),
              "the source resumes from its stored read positions with the new setting"));
        }
      });
      for (String name : positionSettings) {
        if (!s.settings().values().containsKey(name)) {
          layout.add(new StateFactor(name, "(not set)", "the stored read positions belong to what the old setting named"));
        }
      }
      layout.sort(java.util.Comparator.comparing(StateFactor::name));
      return List.of(DeclaredState.operator("splits", layout, behaviour));
    };
  }

  /**
   * A sink connector: results pre-committed at a checkpoint and not committed yet, as operator
   * state. They are committed on restore whatever the new settings, so no setting is layout.
   */
  public static NodeStateModel sink() {
    return (node, context) -> {
      NodeSpec.SinkNode s = (NodeSpec.SinkNode) node;
      List<StateFactor> behaviour = new ArrayList<>();
      s.settings().values().forEach((name, value) -> behaviour.add(new StateFactor(name, String.valueOf(value),
          "results pre-committed by the old version are still committed on restore; new results use the new setting")));
      return List.of(DeclaredState.operator("pending-commits", List.of(), behaviour));
    };
  }

  private static DeclaredState watermark() {
    return DeclaredState.operator(WATERMARK_STATE, List.of(), List.of());
  }

  private static StateFactor key(String name, String expression) {
    return new StateFactor(name, expression, KEY_CHANGED);
  }

  private static StateFactor expiry(String name, Optional<Duration> ttl) {
    return new StateFactor(name, ttl.isPresent() ? "stored" : "not stored",
        "entries carry an expiry time only when a ttl is set, so the stored format changes");
  }

  private static StateFactor ttl(String name, Optional<Duration> ttl) {
    return new StateFactor(name, ttl.map(Durations::format).orElse("none"),
        "stored entries expire by the new ttl from their last update");
  }

  private static String slot(AggregateSpec a) {
    String fn = a.fn().name().toLowerCase(Locale.ROOT);
    return a.field().map(f -> fn + "(" + f + ")").orElse(fn);
  }

  static String describe(WindowSpec window) {
    if (window instanceof WindowSpec.Tumbling t) {
      return "tumbling " + Durations.format(t.size());
    }
    if (window instanceof WindowSpec.Sliding s) {
      return "sliding " + Durations.format(s.size()) + " every " + Durations.format(s.slide());
    }
    return "session gap " + Durations.format(((WindowSpec.Session) window).gap());
  }
}
