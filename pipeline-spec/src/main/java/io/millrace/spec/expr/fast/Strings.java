package io.millrace.spec.expr.fast;

import com.google.common.base.Ascii;
import dev.cel.common.values.CelByteString;
import java.util.Map;

/** String functions of the subset: size, contains, startsWith, endsWith, lowerAscii, upperAscii, +. */
final class Strings {

  private Strings() {}

  /** {@code size(s)} in code points (as CEL counts), {@code size(b)} in bytes. */
  static final class Size extends Node {
    private final Node operand;

    Size(Node operand) {
      super(FastType.INT);
      this.operand = operand;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      return evalInt(value, key, timestamp);
    }

    @Override
    public long evalInt(Map<?, ?> value, Object key, long timestamp) {
      Object v = operand.eval(value, key, timestamp);
      if (v instanceof String s) {
        return s.codePointCount(0, s.length());
      }
      return ((CelByteString) v).size();
    }
  }

  enum Test { CONTAINS, STARTS_WITH, ENDS_WITH }

  static final class StringTest extends Node {
    private final Test test;
    private final Node target;
    private final Node argument;

    StringTest(Test test, Node target, Node argument) {
      super(FastType.BOOL);
      this.test = test;
      this.target = target;
      this.argument = argument;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      return evalBool(value, key, timestamp) ? Boolean.TRUE : Boolean.FALSE;
    }

    @Override
    public boolean evalBool(Map<?, ?> value, Object key, long timestamp) {
      String s = (String) target.eval(value, key, timestamp);
      String a = (String) argument.eval(value, key, timestamp);
      return switch (test) {
        case CONTAINS -> s.contains(a);
        case STARTS_WITH -> s.startsWith(a);
        case ENDS_WITH -> s.endsWith(a);
      };
    }
  }

  /** ASCII-only case mapping (Guava's {@link Ascii}, the function CEL's strings extension binds). */
  static final class AsciiCase extends Node {
    private final boolean upper;
    private final Node target;

    AsciiCase(boolean upper, Node target) {
      super(FastType.STRING);
      this.upper = upper;
      this.target = target;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      String s = (String) target.eval(value, key, timestamp);
      return upper ? Ascii.toUpperCase(s) : Ascii.toLowerCase(s);
    }
  }

  static final class Concat extends Node {
    private final Node left;
    private final Node right;

    Concat(Node left, Node right) {
      super(FastType.STRING);
      this.left = left;
      this.right = right;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      String a = (String) left.eval(value, key, timestamp);
      return a + (String) right.eval(value, key, timestamp);
    }
  }
}
