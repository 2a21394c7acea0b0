package io.millrace.spec.catalog;

import static io.millrace.spec.catalog.SettingDescriptor.optional;
import static io.millrace.spec.catalog.SettingDescriptor.required;
import static io.millrace.spec.catalog.SettingTypes.atLeast;
import static io.millrace.spec.catalog.SettingTypes.duration;
import static io.millrace.spec.catalog.SettingTypes.integer;
import static io.millrace.spec.catalog.SettingTypes.number;
import static io.millrace.spec.catalog.SettingTypes.numberAtLeast;
import static io.millrace.spec.catalog.SettingTypes.oneOf;
import static io.millrace.spec.catalog.SettingTypes.string;

import io.millrace.spec.catalog.Condition.ForbiddenWhen;
import io.millrace.spec.catalog.SettingType.MapType;
import io.millrace.spec.catalog.SettingType.NodeListType;
import io.millrace.spec.catalog.SettingType.ObjectType;
import io.millrace.spec.catalog.SettingType.StringType;
import java.util.Map;
import java.util.Set;

/** The shape of a pipeline document around its nodes: apiVersion, kind, metadata, spec. */
public final class DocumentShape {

  public static final String API_VERSION = "millrace.io/v1";
  public static final String KIND = "Pipeline";
  public static final long DEFAULT_MAX_PARALLELISM = 128;

  private DocumentShape() {}

  public static ObjectType document() {
    return ObjectType.of(
        required("apiVersion", oneOf(API_VERSION), "Spec format version.").withExample(API_VERSION),
        required("kind", oneOf(KIND), "Document kind.").withExample(KIND),
        required("metadata", metadata(), "Name, labels and editor layout."),
        required("spec", spec(), "Execution settings and the node graph."));
  }

  static ObjectType metadata() {
    ObjectType point = ObjectType.of(
        required("x", number(), "Horizontal position in the visual editor."),
        required("y", number(), "Vertical position in the visual editor."));
    // Examples are printed into the published schema: keep their key order stable (TreeMap), as
    // Map.of iteration order changes from one JVM run to the next.
    return ObjectType.of(
        required("name", new StringType(SettingTypes.NAME_PATTERN, "lower-case letters, digits and '-' (a DNS label)", 63),
                "Pipeline name, unique in the tenant.")
            .withExample("word-count"),
        optional("labels", new MapType(string(), null), "Free-form labels for search and grouping.")
            .withExample(Map.of("team", "payments")),
        optional("description", string(), "What the pipeline does, for people."),
        optional("layout", new MapType(point, SettingTypes.ID_PATTERN),
                "Visual editor node positions by node id, so a spec round-trips through the editor unchanged.")
            .withExample(Map.of("lines", new java.util.TreeMap<>(Map.of("x", 40, "y", 80)))));
  }

  static ObjectType spec() {
    return ObjectType.of(
        optional("parallelism", integer(1, SettingTypes.MAX_PARALLELISM), "Default parallelism of every node.")
            .withDefault(1L),
        optional("maxParallelism", integer(1, SettingTypes.MAX_PARALLELISM),
                "Number of key groups: the upper bound for rescaling keyed state.")
            .withDefault(DEFAULT_MAX_PARALLELISM),
        optional("checkpointing", checkpointing(), "Checkpoint settings."),
        optional("restartStrategy", restartStrategy(), "What to do when a task fails."),
        required("nodes", new NodeListType(), "The nodes of the pipeline graph."));
  }

  static ObjectType checkpointing() {
    return ObjectType.of(
        optional("interval", duration(), "Time between checkpoints.").withDefault("10s"),
        optional("mode", oneOf("exactly-once", "at-least-once"), "Barrier alignment mode.").withDefault("exactly-once"),
        optional("timeout", duration(), "A checkpoint not complete within this time fails.").withDefault("10m"),
        optional("retained", atLeast(1), "How many completed checkpoints to keep.").withDefault(1L));
  }

  static ObjectType restartStrategy() {
    Set<String> notFixed = Set.of("exponential-backoff", "failure-rate", "none");
    return ObjectType.of(
            optional("type", oneOf("fixed-delay", "exponential-backoff", "failure-rate", "none"),
                    "fixed-delay: `attempts` restarts `delay` apart; exponential-backoff: from `initialDelay` times "
                        + "`multiplier` up to `maxDelay`; failure-rate: give up after `maxFailures` within `interval`; none.")
                .withDefault("exponential-backoff"),
            optional("attempts", atLeast(1), "fixed-delay: restarts before the job fails.").withExample(3),
            optional("delay", duration(), "fixed-delay, failure-rate: time between restarts.").withExample("10s"),
            optional("initialDelay", duration(), "exponential-backoff: first delay.").withExample("1s"),
            optional("maxDelay", duration(), "exponential-backoff: largest delay.").withExample("5m"),
            optional("multiplier", numberAtLeast(1), "exponential-backoff: delay growth factor.").withExample(2.0),
            optional("maxFailures", atLeast(1), "failure-rate: failures tolerated within `interval`.").withExample(3),
            optional("interval", duration(), "failure-rate: the measuring window.").withExample("5m"))
        .withConditions(
            new ForbiddenWhen("attempts", "type", notFixed, "`attempts` only applies to type: fixed-delay"),
            new ForbiddenWhen("delay", "type", Set.of("exponential-backoff", "none"), "`delay` applies to fixed-delay and failure-rate"),
            new ForbiddenWhen("initialDelay", "type", Set.of("fixed-delay", "failure-rate", "none"), "`initialDelay` only applies to exponential-backoff"),
            new ForbiddenWhen("maxDelay", "type", Set.of("fixed-delay", "failure-rate", "none"), "`maxDelay` only applies to exponential-backoff"),
            new ForbiddenWhen("multiplier", "type", Set.of("fixed-delay", "failure-rate", "none"), "`multiplier` only applies to exponential-backoff"),
            new ForbiddenWhen("maxFailures", "type", Set.of("fixed-delay", "exponential-backoff", "none"), "`maxFailures` only applies to failure-rate"),
            new ForbiddenWhen("interval", "type", Set.of("fixed-delay", "exponential-backoff", "none"), "`interval` only applies to failure-rate"));
  }
}
