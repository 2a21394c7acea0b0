package io.millrace.engine.runtime.task;

import io.millrace.spec.expr.ExpressionScope;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.plan.JobVertex;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scope an expression of a vertex is compiled in, typed from the plan's input record types the
 * same way the validator typed it (pipeline-spec {@code ExpressionChecker}): so a typed spec's
 * expressions compile to the typed fast path, and they type-check here exactly as they did there.
 *
 * <ul>
 *   <li>the usual scope: {@code value} is input 0 (for a source: the records it emits), except the
 *       {@code rightKey} of a join / lookup-join, which reads input 1;
 *   <li>an operator's own scope: its record variables declared dynamic get the plan's type —
 *       {@code value} and {@code acc} (reduce) ← input 0, {@code left} ← input 0, {@code right} ←
 *       input 1. Scalars (state names, {@code key}, {@code timer}) are kept as declared.
 * </ul>
 */
final class PlanScopes {

  static final String RIGHT_KEY = "rightKey";

  private final JobVertex vertex;

  PlanScopes(JobVertex vertex) {
    this.vertex = vertex;
  }

  ExpressionScope usual(String setting) {
    return ExpressionScope.forRecord(vertex.inputType(RIGHT_KEY.equals(setting) ? 1 : 0));
  }

  ExpressionScope typed(ExpressionScope declared) {
    Map<String, ExpressionScope.Variable> variables = new LinkedHashMap<>(declared.variables());
    boolean changed = false;
    for (Map.Entry<String, ExpressionScope.Variable> variable : variables.entrySet()) {
      if (!(variable.getValue() instanceof ExpressionScope.Variable.Record record) || !record.type().dynamic()) {
        continue; // an operator that declares a type knows better than the plan
      }
      int input = switch (variable.getKey()) {
        case ExpressionScope.VALUE, "acc", "left" -> 0;
        case "right" -> 1;
        default -> -1;
      };
      RecordType type = vertex.inputType(input);
      if (input >= 0 && !type.dynamic()) {
        variable.setValue(new ExpressionScope.Variable.Record(type));
        changed = true;
      }
    }
    return changed ? new ExpressionScope(variables) : declared;
  }
}
