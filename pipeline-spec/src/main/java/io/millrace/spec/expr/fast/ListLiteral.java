package io.millrace.spec.expr.fast;

import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A list literal of scalars and map literals as the whole expression (a process {@code emit} such
 * as {@code [{'bidder': value.bidder, 'count': count + 1}]}): builds the record-model list
 * directly, evaluating elements in order like CEL.
 */
final class ListLiteral extends Node {

  private final Node[] elements;

  ListLiteral(List<Node> elements) {
    super(FastType.LIST);
    this.elements = elements.toArray(Node[]::new);
  }

  @Override
  public boolean yieldsRecordModel() {
    return true;
  }

  @Override
  public Object eval(Map<?, ?> value, Object key, long timestamp) {
    List<Object> result = new ArrayList<>(elements.length);
    for (Node element : elements) {
      Object item = element.eval(value, key, timestamp);
      result.add(element.yieldsRecordModel() ? item : recordModel(item));
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
