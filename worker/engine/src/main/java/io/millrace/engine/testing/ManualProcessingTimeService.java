package io.millrace.engine.testing;

import io.millrace.engine.api.ProcessingTimeService;
import java.util.concurrent.atomic.AtomicLong;

/** Processing time that moves only when a test says so. Thread-safe. */
public final class ManualProcessingTimeService implements ProcessingTimeService {

  private final AtomicLong now;

  public ManualProcessingTimeService(long startMillis) {
    this.now = new AtomicLong(startMillis);
  }

  @Override
  public long currentTimeMillis() {
    return now.get();
  }

  public void advance(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("time does not go back");
    }
    now.addAndGet(millis);
  }

  public void set(long millis) {
    now.set(millis);
  }
}
