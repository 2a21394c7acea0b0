package io.millrace.engine.connector;

/** What a reader says after a poll. */
public enum InputStatus {
  /** More records are ready: poll again at once. */
  MORE_AVAILABLE,
  /** Nothing ready now: the task may wait a little (and flush its outputs) before polling again. */
  NOTHING_AVAILABLE,
  /** A bounded input ended: every split is read completely. */
  END_OF_INPUT
}
