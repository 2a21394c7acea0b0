package io.millrace.spec.expr.fast;

import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map literal with distinct constant string keys and scalar values, as the whole expression (a
 * map node building a new record). Builds the record-model map directly (bytes as byte[], null
 * as null), in the order written, evaluating entries in order like CEL.
 */
final class MapLiteral extends Node {

  private final String[] keys;
  private final Node[] values;

  MapLiteral(String[] keys, Node[] values) {
    super(FastType.MAP);
    this.keys = keys.clone();
    this.values = values.clone();
  }

  @Override
  public boolean yieldsRecordModel() {
    return true;
  }

  @Override
  public Object eval(Map<?, ?> value, Object key, long timestamp) {
    Map<String, Object> result = new LinkedHashMap<>(keys.length * 2);
    for (int i = 0; i < keys.length; i++) {
      result.put(keys[i], recordModel(values[i].eval(value, key, timestamp)));
    }
    return result;
  }

  private static Object recordModel(Object celValue) {
    if (celValue instanceof CelByteString bytes) {
      return bytes.toByteArray();
    }
    return celValue instanceof NullValue ? null : celValue;
  }
}
