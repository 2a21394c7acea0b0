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

  /** Checkpoint barrier: everything before it belongs to checkpoint {@code checkpointId}. */
  record Barrier(long checkpointId, boolean savepoint) implements ControlElement {}

  /** The producer will send nothing more on this channel. */
  record EndOfInput() implements ControlElement {
    public static final EndOfInput INSTANCE = new EndOfInput();
  }
}
