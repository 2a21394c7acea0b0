package io.millrace.engine.operators;

import io.millrace.engine.api.StreamRecord;
import java.util.Map;

/** Typed reads of record values in assertions. */
public final class Records {

  private Records() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> value(StreamRecord record) {
    return (Map<String, Object>) record.value();
  }

  public static Object field(StreamRecord record, String field) {
    return value(record).get(field);
  }
}
