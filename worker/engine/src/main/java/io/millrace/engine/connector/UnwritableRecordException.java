package io.millrace.engine.connector;

/**
 * Thrown by {@link SinkWriter#write} when THIS record cannot be written (it cannot be serialized, an
 * expression that routes it fails, it is larger than the destination accepts) while the destination
 * itself is fine: the sink operator sends the record with {@link #reason()} to the sink node's
 * {@code dead-letter} output (or fails the task under {@code deadLetter.onError: fail}) and the job
 * goes on. The writer must not have written any part of the record. Failures of the destination
 * (unreachable, fenced, full) are ordinary exceptions: they fail the task.
 */
public final class UnwritableRecordException extends RuntimeException {

  public UnwritableRecordException(String reason, Throwable cause) {
    super(reason, cause);
  }

  /** Where and why, for the dead-letter record. */
  public String reason() {
    return getMessage();
  }
}
