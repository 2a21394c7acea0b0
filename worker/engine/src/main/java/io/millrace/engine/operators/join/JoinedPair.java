package io.millrace.engine.operators.join;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code {left, right}} as a record value (nulls allowed): the dead-letter payload of a failed select. */
final class JoinedPair {

  private JoinedPair() {}

  static Map<String, Object> of(Object left, Object right) {
    Map<String, Object> pair = new LinkedHashMap<>(4);
    pair.put("left", left);
    pair.put("right", right);
    return pair;
  }
}
