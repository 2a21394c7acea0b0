package io.millrace.spec.expr.fast;

import java.util.List;
import java.util.Map;

/**
 * {@code x in [a, b, ...]} over a list literal whose elements have x's type. Like CEL, every
 * element is evaluated (a failing element fails the test even after a match) unless all elements
 * are constants; matching is {@code List.contains} then numeric equality, which for doubles means
 * bit equality (NaN finds NaN) or IEEE equality (-0.0 finds 0.0).
 */
final class Membership extends Node {

  private final Node needle;
  private final Node[] elements;
  private final boolean constantElements;

  Membership(Node needle, List<Node> elements) {
    super(FastType.BOOL);
    this.needle = needle;
    this.elements = elements.toArray(Node[]::new);
    this.constantElements = elements.stream().allMatch(e -> e instanceof Leaves.Constant);
  }

  @Override
  public Object eval(Map<?, ?> value, Object key, long timestamp) {
    return evalBool(value, key, timestamp) ? Boolean.TRUE : Boolean.FALSE;
  }

  @Override
  public boolean evalBool(Map<?, ?> value, Object key, long timestamp) {
    return switch (needle.type()) {
      case INT -> containsInt(value, key, timestamp);
      case DOUBLE -> containsDouble(value, key, timestamp);
      default -> containsObject(value, key, timestamp);
    };
  }

  private boolean containsInt(Map<?, ?> value, Object key, long timestamp) {
    long x = needle.evalInt(value, key, timestamp);
    boolean found = false;
    for (Node element : elements) {
      if (element.evalInt(value, key, timestamp) == x) {
        found = true;
        if (constantElements) {
          return true;
        }
      }
    }
    return found;
  }

  private boolean containsDouble(Map<?, ?> value, Object key, long timestamp) {
    double x = needle.evalDouble(value, key, timestamp);
    boolean found = false;
    for (Node element : elements) {
      if (CelSemantics.doubleInList(x, element.evalDouble(value, key, timestamp))) {
        found = true;
        if (constantElements) {
          return true;
        }
      }
    }
    return found;
  }

  private boolean containsObject(Map<?, ?> value, Object key, long timestamp) {
    Object x = needle.eval(value, key, timestamp);
    boolean found = false;
    for (Node element : elements) {
      if (x.equals(element.eval(value, key, timestamp))) {
        found = true;
        if (constantElements) {
          return true;
        }
      }
    }
    return found;
  }
}
