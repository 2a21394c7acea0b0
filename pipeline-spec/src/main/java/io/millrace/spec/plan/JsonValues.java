package io.millrace.spec.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Normalises node settings to immutable JSON-compatible values (String, Long, Double, Boolean,
 * null, List, Map with String keys), so a plan equals itself after a JSON round trip.
 */
final class JsonValues {

  private JsonValues() {}

  static Map<String, Object> normalizeMap(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), normalize(value)));
    return Collections.unmodifiableMap(copy);
  }

  static Object normalize(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Long || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof java.math.BigInteger) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, element) -> copy.put(String.valueOf(key), normalize(element)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(normalize(element)));
      return Collections.unmodifiableList(copy);
    }
    return String.valueOf(value);
  }
}
