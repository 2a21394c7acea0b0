package io.millrace.engine.api;

import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.ExpressionCompiler;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.ExpressionScope;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.plan.KeyGroupRange;
import java.util.List;
import java.util.Map;

/**
 * What the runtime gives an operator subtask in {@link StreamOperator#open}. One instance per
 * operator subtask; use it only from the task thread (except {@link #metrics()} gauges).
 *
 * <p>Keyed state: {@link #keyedStateBackend()} — engine-state's backend of this task (all keyed
 * operators of a chain share it; declare state under {@link #nodeId()}); the runtime sets its
 * current key before each callback.
 */
public interface OperatorContext {

  /** The plan vertex id = the spec node id: the stable identity of this operator's state. */
  String nodeId();

  /** The node kind ({@code map}, {@code window-aggregate}, ...). */
  String kind();

  int subtaskIndex();

  int parallelism();

  /** Number of key groups of the job. */
  int maxParallelism();

  /** True if the operator's input is partitioned by key (plan vertex {@code keyed}). */
  boolean keyed();

  /**
   * The key groups this subtask owns; for a non-keyed operator the whole range
   * {@code 0..maxParallelism-1} (it owns no keyed state).
   */
  KeyGroupRange keyGroupRange();

  /** The vertex's settings from the plan: JSON-compatible values in the spec's own words. */
  Map<String, Object> settings();

  /** The node's dead-letter policy (from {@code settings().get("deadLetter")}). */
  default DeadLetterPolicy deadLetterPolicy() {
    return DeadLetterPolicy.fromSettings(settings());
  }

  /** The compiler, for scopes other than the usual one (joins, reduce, process). */
  ExpressionCompiler expressionCompiler();

  /**
   * The record type arriving through input {@code input} (0, or 1 for a join's right side), from
   * the plan; dynamic when the plan does not carry types or the context does not know them.
   */
  default RecordType inputType(int input) {
    return RecordType.dynamicRecord();
  }

  /**
   * Compiles an expression of a setting with the usual scope ({@code value}, {@code key},
   * {@code timestamp}; {@code value} typed by {@link #inputType} — input 1 for a {@code rightKey}
   * — so typed inputs compile to the typed fast path).
   *
   * @param setting the setting's name, for the error message
   * @throws OperatorSetupException naming node, setting and the located errors
   */
  CompiledExpression compile(String setting, String expression, ExpressionKind kind);

  /**
   * Same with an explicit scope. Record variables the scope declares <em>dynamic</em> are typed
   * from the plan when it knows them: {@code value}, {@code acc}, {@code left} ← input 0, {@code
   * right} ← input 1 (the validator's scopes for process, reduce and join select).
   */
  CompiledExpression compile(String setting, String expression, ExpressionScope scope, ExpressionKind kind);

  /**
   * The task's keyed state backend; declare state with {@code getState(nodeId(), descriptor)}.
   *
   * @throws IllegalStateException for a non-keyed operator, or when the job runs without a state backend
   */
  KeyedStateBackend keyedStateBackend();

  /** Timers for the current key (keyed operators; non-keyed operators get timers under key null). */
  TimerService timerService();

  ProcessingTimeService processingTimeService();

  OperatorMetrics metrics();

  /**
   * The operator state entries handed to this subtask on restore (see {@link
   * StreamOperator#snapshotOperatorState}); empty on a fresh start.
   */
  List<byte[]> restoredOperatorState();

  /** True when the operator is being restored from a checkpoint or savepoint. */
  boolean isRestored();
}
