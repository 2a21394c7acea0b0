package io.millrace.engine.operators;

import io.millrace.engine.api.OperatorSetupException;
import io.millrace.engine.api.StreamOperator;
import io.millrace.engine.operators.join.IntervalJoinOperator;
import io.millrace.engine.operators.join.LookupJoinOperator;
import io.millrace.engine.operators.join.SessionJoinOperator;
import io.millrace.engine.operators.join.WindowJoinOperator;
import io.millrace.engine.operators.window.SessionWindowOperator;
import io.millrace.engine.operators.window.SliceAssigner;
import io.millrace.engine.operators.window.SlicedWindowOperator;
import io.millrace.engine.operators.window.aggregate.AggregateSet;
import java.util.List;

/** Builds the window, join, lookup-join operators from plan-vertex settings. */
final class WindowOperators {

  private WindowOperators() {}

  static StreamOperator windowAggregate(Settings settings) {
    Settings window = settings.object("window");
    List<?> aggregates = settings.list("aggregates");
    SlicedWindowOperator.AggregateSetFactory factory =
        context -> AggregateSet.fromSettings(aggregates, context);
    long lateness = settings.has("allowedLateness") ? settings.durationMillis("allowedLateness") : 0;
    boolean lateOutput = settings.bool("lateOutput", false);
    if ("session".equals(window.string("type"))) {
      return new SessionWindowOperator(window.durationMillis("gap"), lateness, lateOutput, factory);
    }
    return new SlicedWindowOperator(slices(settings.nodeId(), window), lateness, lateOutput, factory);
  }

  static SliceAssigner slices(String nodeId, Settings window) {
    String type = window.string("type");
    try {
      return switch (type) {
        case "tumbling" -> SliceAssigner.tumbling(window.durationMillis("size"));
        case "sliding" -> SliceAssigner.sliding(window.durationMillis("size"), window.durationMillis("slide"));
        default -> throw new OperatorSetupException(nodeId, "window type '" + type
            + "' is not supported here: use tumbling or sliding");
      };
    } catch (IllegalArgumentException bad) {
      throw new OperatorSetupException(nodeId, "window: " + bad.getMessage());
    }
  }

  static StreamOperator join(Settings settings) {
    String mode = settings.string("mode");
    String select = settings.optionalString("select");
    return switch (mode) {
      case "window" -> {
        Settings window = settings.object("window");
        yield "session".equals(window.string("type"))
            ? new SessionJoinOperator(window.durationMillis("gap"), select)
            : new WindowJoinOperator(slices(settings.nodeId(), window), select);
      }
      case "interval" -> {
        Settings interval = settings.object("interval");
        yield new IntervalJoinOperator(interval.durationMillis("before"), interval.durationMillis("after"), select);
      }
      default -> throw new OperatorSetupException(settings.nodeId(), "join mode '" + mode + "' is unknown: use window or interval");
    };
  }

  static StreamOperator lookupJoin(Settings settings) {
    boolean emitOnMissing = settings.has("onMissing")
        ? !"drop".equals(settings.string("onMissing"))
        : settings.bool("emitOnMissing", true);
    return new LookupJoinOperator(settings.optionalString("select"), settings.optionalDurationMillis("ttl"), emitOnMissing);
  }
}
