package io.millrace.spec.statediff;

/**
 * The kinds of state, by the same names as the engine's {@code io.millrace.engine.state.StateKind}
 * (pipeline-spec cannot depend on the engine; the engine's consistency test compares them by name).
 */
public enum StateKind {
  VALUE,
  LIST,
  MAP,
  REDUCING,
  AGGREGATING
}
