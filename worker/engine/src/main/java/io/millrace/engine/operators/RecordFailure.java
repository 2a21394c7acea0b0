package io.millrace.engine.operators;

/**
 * A record could not be processed (an expression failed, a field is missing or has the wrong
 * type). Checked on purpose: every operator must catch it and route the record to its dead-letter
 * output with {@link #reason()}; it never kills the task and the record never disappears silently.
 * No stack trace is captured: it is an expected outcome per bad record, not a bug.
 */
public final class RecordFailure extends Exception {

  public RecordFailure(String reason) {
    super(reason, null, false, false);
  }

  /** Why the record failed, for the dead-letter record. */
  public String reason() {
    return getMessage();
  }
}
