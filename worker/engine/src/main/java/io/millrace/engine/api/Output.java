package io.millrace.engine.api;

/**
 * Where an operator emits. In a chain {@link #collect(StreamRecord)} calls the next operator
 * directly; at the end of a chain it writes into the exchanges of the outgoing edges.
 *
 * <p>Only call from the task thread, i.e. from inside the callbacks of {@link StreamOperator}.
 */
public interface Output {

  /** Emits to the main output. */
  void collect(StreamRecord record);

  /**
   * Emits to a side output. A side output nobody consumes (no edge in the plan) drops the record
   * and counts it in the metric {@code <tag>.dropped}; dead letters are also logged (rate-limited).
   */
  void collect(OutputTag tag, StreamRecord record);

  /**
   * Emits a watermark: "no record with a timestamp {@code <= watermark} follows on this output".
   * Must not decrease; the runtime drops non-increasing watermarks.
   */
  void emitWatermark(long watermark);
}
