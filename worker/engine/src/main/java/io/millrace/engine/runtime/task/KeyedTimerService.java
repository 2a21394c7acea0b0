package io.millrace.engine.runtime.task;

import io.millrace.engine.api.ProcessingTimeService;
import io.millrace.engine.api.TimerService;
import io.millrace.engine.state.InternalTimerService;
import io.millrace.engine.state.TimeDomain;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** The operator-facing timers over engine-state's timers (kept in the keyed backend, current key). */
public final class KeyedTimerService implements TimerService {

  private final Supplier<InternalTimerService> timers;
  private final ProcessingTimeService clock;
  private final LongSupplier watermark;

  public KeyedTimerService(Supplier<InternalTimerService> timers, ProcessingTimeService clock, LongSupplier watermark) {
    this.timers = timers;
    this.clock = clock;
    this.watermark = watermark;
  }

  @Override
  public long currentProcessingTime() {
    return clock.currentTimeMillis();
  }

  @Override
  public long currentWatermark() {
    return watermark.getAsLong();
  }

  @Override
  public void registerEventTimeTimer(long namespace, long timestamp) {
    timers.get().registerTimer(TimeDomain.EVENT_TIME, namespace, timestamp);
  }

  @Override
  public void deleteEventTimeTimer(long namespace, long timestamp) {
    timers.get().deleteTimer(TimeDomain.EVENT_TIME, namespace, timestamp);
  }

  @Override
  public void registerProcessingTimeTimer(long namespace, long timestamp) {
    timers.get().registerTimer(TimeDomain.PROCESSING_TIME, namespace, timestamp);
  }

  @Override
  public void deleteProcessingTimeTimer(long namespace, long timestamp) {
    timers.get().deleteTimer(TimeDomain.PROCESSING_TIME, namespace, timestamp);
  }
}
