package io.millrace.engine.state;

/** The kinds of keyed state; part of the address of state in checkpoints (DESIGN.md §8). */
public enum StateKind {
  VALUE,
  LIST,
  MAP,
  REDUCING,
  AGGREGATING
}
