package io.millrace.engine.operators.process;

import io.millrace.engine.operators.RecordFailure;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.EvalResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled {@code onRecord} / {@code onTimer} handler: new state values by name, records to emit,
 * an optional timer. {@link #run} evaluates everything against the state BEFORE the event and
 * returns the effects without applying them, so a failing expression changes nothing.
 */
record ProcessHandlerProgram(Map<String, CompiledExpression> updates, CompiledExpression emit, CompiledExpression setTimer) {

  /** What one handler run decided. */
  record Effects(Map<String, Object> updates, List<Object> emitted, Long timer) {}

  Effects run(Map<String, Object> variables) throws RecordFailure {
    Map<String, Object> newValues = new LinkedHashMap<>();
    for (Map.Entry<String, CompiledExpression> update : updates.entrySet()) {
      newValues.put(update.getKey(), eval(update.getValue(), variables, "update." + update.getKey()));
    }
    List<Object> emitted = List.of();
    if (emit != null) {
      Object list = eval(emit, variables, "emit");
      if (!(list instanceof List<?> records)) {
        throw new RecordFailure("emit must yield a list, got " + (list == null ? "null" : list.getClass().getSimpleName()));
      }
      emitted = new ArrayList<>(records);
    }
    Long timer = null;
    if (setTimer != null) {
      Object at = eval(setTimer, variables, "setTimer");
      if (at instanceof Long ms) {
        timer = ms;
      } else if (at instanceof Instant instant) {
        timer = instant.toEpochMilli();
      } else if (at != null) {
        throw new RecordFailure("setTimer must yield a timestamp, got " + at.getClass().getSimpleName());
      }
    }
    return new Effects(newValues, emitted, timer);
  }

  private static Object eval(CompiledExpression expression, Map<String, Object> variables, String where) throws RecordFailure {
    EvalResult result = expression.evaluate(variables);
    if (result instanceof EvalResult.Failed failed) {
      throw new RecordFailure(where + " `" + expression.source() + "`: " + failed.reason());
    }
    return ((EvalResult.Value) result).value();
  }
}
