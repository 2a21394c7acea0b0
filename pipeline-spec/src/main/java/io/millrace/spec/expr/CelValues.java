package io.millrace.spec.expr;

import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts between the Millrace record model and the values CEL's runtime works on.
 *
 * <p>The record model (docs/expressions.md) is JSON-like: String, Long, Double, Boolean, byte[],
 * List, Map, {@link java.time.Instant}, {@link java.time.Duration} and null. CEL needs Long/Double
 * only (no Integer), {@link CelByteString} for bytes and its own null marker. Both directions are
 * copy-on-write: a value that is already canonical is returned as is, so the common case (a map
 * of strings and longs) costs a walk and no allocation.
 */
final class CelValues {

  private CelValues() {}

  /** Record model → CEL runtime value. Never throws; unknown Java types pass through unchanged. */
  static Object toCel(Object value) {
    if (value == null) {
      return NullValue.NULL_VALUE;
    }
    if (value instanceof String || value instanceof Long || value instanceof Double
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      return mapToCel(map);
    }
    if (value instanceof List<?> list) {
      return listToCel(list);
    }
    if (value instanceof byte[] bytes) {
      return CelByteString.of(bytes);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof BigInteger big) {
      // JSON parsers give BigInteger past Long range; CEL has no bigger int, so keep magnitude.
      return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    if (value instanceof Character c) {
      return String.valueOf(c);
    }
    return value;
  }

  /**
   * Like {@link #toCel} for a record of which the expression reads only {@code fields}: only those
   * are converted (the typed fast path: for a flat record of longs and strings this is a few map
   * lookups and no allocation). A non-map value is converted whole.
   */
  static Object toCelFields(Object value, String[] fields) {
    if (!(value instanceof Map<?, ?> map)) {
      return toCel(value);
    }
    Map<Object, Object> copy = null;
    for (String field : fields) {
      Object original = map.get(field);
      if (original == null && !map.containsKey(field)) {
        continue;
      }
      Object converted = toCel(original);
      if (converted != original) {
        if (copy == null) {
          copy = new LinkedHashMap<>(map);
        }
        copy.put(field, converted);
      }
    }
    return copy == null ? map : copy;
  }

  private static Object mapToCel(Map<?, ?> map) {
    Map<Object, Object> copy = null;
    int index = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object key = entry.getKey();
      Object convertedKey = key instanceof String ? key : toCel(key);
      Object converted = toCel(entry.getValue());
      if (copy == null && (converted != entry.getValue() || convertedKey != key)) {
        copy = copyFirst(map, index);
      }
      if (copy != null) {
        copy.put(convertedKey, converted);
      }
      index++;
    }
    return copy == null ? map : copy;
  }

  private static Map<Object, Object> copyFirst(Map<?, ?> map, int count) {
    Map<Object, Object> copy = new LinkedHashMap<>(map.size() * 2);
    int copied = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (copied++ == count) {
        break;
      }
      copy.put(entry.getKey(), entry.getValue());
    }
    return copy;
  }

  private static Object listToCel(List<?> list) {
    List<Object> copy = null;
    for (int i = 0; i < list.size(); i++) {
      Object element = list.get(i);
      Object converted = toCel(element);
      if (copy == null && converted != element) {
        copy = new ArrayList<>(list.size());
        copy.addAll(list.subList(0, i));
      }
      if (copy != null) {
        copy.add(converted);
      }
    }
    return copy == null ? list : copy;
  }

  /** CEL runtime value → record model (bytes as byte[], CEL null as Java null, no Optional). */
  static Object fromCel(Object value) {
    if (value == null || value instanceof NullValue) {
      return null;
    }
    if (value instanceof String || value instanceof Long || value instanceof Double
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof CelByteString bytes) {
      return bytes.toByteArray();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>(map.size() * 2);
      map.forEach((k, v) -> copy.put(fromCel(k), fromCel(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(fromCel(element)));
      return copy;
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(CelValues::fromCel).orElse(null);
    }
    if (value instanceof Number unsigned) {
      // CEL's uint (Guava UnsignedLong): the record model has no unsigned type.
      return unsigned.longValue();
    }
    return value;
  }
}
