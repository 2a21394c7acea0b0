package io.millrace.engine.operators;

import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;

/**
 * The entry check every keyed event-time operator (windows, joins) makes on a record: it needs an
 * event time and a key. A record without either goes to the node's dead-letter output with the
 * setting at fault and the reason, and the operator skips it — it never fails the job.
 */
public final class EventTimeAdmission {

  /** Where an operator gets a record's key (and makes it the state backend's current key). */
  @FunctionalInterface
  public interface KeySource {
    Object keyOf(StreamRecord record) throws RecordFailure;
  }

  /**
   * The key source of a single-input keyed operator: the record's key from {@code keys}, made the
   * backend's current key when the record did not arrive keyed (the exchange sets it otherwise).
   */
  public static KeySource settingCurrentKey(KeyExtractor keys,
      io.millrace.engine.state.KeyedStateBackend backend) {
    return record -> {
      Object key = keys.keyOf(record);
      if (record.key() == null) {
        backend.setCurrentKey(key);
      }
      return key;
    };
  }

  /** The admission of {@code window-aggregate} nodes (tumbling, sliding, session). */
  public static EventTimeAdmission forWindowAggregate(DeadLetterRouter deadLetters) {
    return new EventTimeAdmission(deadLetters, "window",
        "the record has no event time: window-aggregate needs a watermark on its source");
  }

  private final DeadLetterRouter deadLetters;
  private final String timeSetting;
  private final String missingTimeReason;

  /**
   * @param timeSetting the setting named when the record has no event time (e.g. {@code window})
   * @param missingTimeReason the reason given then, saying what the node needs
   */
  public EventTimeAdmission(DeadLetterRouter deadLetters, String timeSetting, String missingTimeReason) {
    this.deadLetters = deadLetters;
    this.timeSetting = timeSetting;
    this.missingTimeReason = missingTimeReason;
  }

  /**
   * The record's key, or null when the record was routed to the dead-letter output instead (a key
   * is never null: {@link KeyExtractor} fails a null key).
   *
   * @param keySetting the setting named when the key cannot be computed (e.g. {@code keyBy})
   */
  public Object admit(StreamRecord record, Output out, KeySource keys, String keySetting) {
    if (!record.hasTimestamp()) {
      deadLetters.route(out, record, timeSetting, missingTimeReason);
      return null;
    }
    try {
      return keys.keyOf(record);
    } catch (RecordFailure failure) {
      deadLetters.route(out, record, keySetting, failure.reason());
      return null;
    }
  }
}
