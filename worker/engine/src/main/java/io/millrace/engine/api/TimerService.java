package io.millrace.engine.api;

/**
 * Timers of a keyed operator, for the CURRENT key (the record's key in {@code processRecord}, the
 * timer's key in timer callbacks). Timers are kept in state (checkpointed, restored, moved with their
 * key group on rescale) and deduplicated: registering the same (key, namespace, timestamp) twice
 * fires once.
 */
public interface TimerService {

  /** Current processing time (epoch ms) of the task's {@link ProcessingTimeService}. */
  long currentProcessingTime();

  /** The last watermark the operator received ({@code Long.MIN_VALUE} before the first). */
  long currentWatermark();

  /** Fires {@link StreamOperator#onEventTimeTimer} once the watermark reaches {@code timestamp}. */
  void registerEventTimeTimer(long namespace, long timestamp);

  void deleteEventTimeTimer(long namespace, long timestamp);

  /** Fires {@link StreamOperator#onProcessingTimeTimer} once processing time reaches {@code timestamp}. */
  void registerProcessingTimeTimer(long namespace, long timestamp);

  void deleteProcessingTimeTimer(long namespace, long timestamp);
}
