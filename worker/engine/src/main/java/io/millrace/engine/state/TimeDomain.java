package io.millrace.engine.state;

/** Which clock a timer follows. */
public enum TimeDomain {
  /** Fires when the operator's watermark reaches the timestamp. */
  EVENT_TIME,
  /** Fires when the processing-time clock reaches the timestamp. */
  PROCESSING_TIME
}
