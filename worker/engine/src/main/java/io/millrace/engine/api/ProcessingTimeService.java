package io.millrace.engine.api;

/**
 * The clock of processing time. Injected everywhere time is read, so tests drive it manually
 * ({@code io.millrace.engine.testing.ManualProcessingTimeService}) instead of sleeping.
 */
@FunctionalInterface
public interface ProcessingTimeService {

  /** Now, in epoch milliseconds. */
  long currentTimeMillis();

  /** The wall clock. */
  static ProcessingTimeService system() {
    return System::currentTimeMillis;
  }
}
