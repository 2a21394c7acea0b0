package io.millrace.engine.operators.window;

/**
 * One session of one key: {@code [start, end)} where {@code end} is the last record's time plus the
 * gap, and {@code stateId}, the namespace of its accumulator. The state id is kept when sessions
 * merge (the absorbed sessions' accumulators are merged into it), so growing a session never moves
 * its state. It is unique among the live sessions of a key: it is the start of the session that
 * created it and sessions only grow, so it always lies inside its own session.
 */
public record SessionWindow(long start, long end, long stateId) {

  public SessionWindow {
    if (end <= start) {
      throw new IllegalArgumentException("session end " + end + " must be after its start " + start);
    }
  }

  /** The latest timestamp inside the session; the session fires when the watermark reaches it. */
  public long maxTimestamp() {
    return end - 1;
  }

  boolean overlaps(long otherStart, long otherEnd) {
    return start < otherEnd && otherStart < end;
  }
}
