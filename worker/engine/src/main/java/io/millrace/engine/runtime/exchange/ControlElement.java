package io.millrace.engine.runtime.exchange;

/**
 * An element on a channel that is not a record. Records travel as {@link io.millrace.engine.api.StreamRecord}
 * themselves, so the hot path needs no wrapper object per record.
 */
public sealed interface ControlElement {

  /** No record with a timestamp {@code <= timestamp} follows on this channel. */
  record Watermark(long timestamp) implements ControlElement {}

  /** The channel's producer became idle (excluded from the watermark minimum) or active again. */
  record IdleMarker(boolean idle) implements ControlElement {}

  /**
   * Checkpoint barrier: everything before it belongs to checkpoint {@code checkpointId}. The FINAL
   * barrier (after the end of input of a bounded job) is the last element of a channel.
   */
  record Barrier(long checkpointId, boolean savepoint, boolean finalCheckpoint) implements ControlElement {}

  /**
   * End of data: the producer sends no more records or watermarks on this channel; only the final
   * checkpoint's barrier still follows (so output produced at the end is committed by it).
   */
  record EndOfInput() implements ControlElement {
    public static final EndOfInput INSTANCE = new EndOfInput();
  }
}
