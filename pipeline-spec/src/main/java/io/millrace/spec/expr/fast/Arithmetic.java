package io.millrace.spec.expr.fast;

import java.util.Map;

/**
 * Arithmetic and numeric conversions. CEL ints are checked 64-bit: overflow, division by zero and
 * {@code MIN / -1} fail with the messages CEL-java gives ("long overflow", "/ by zero", "most
 * negative number wraps"); doubles follow IEEE (division by zero gives an infinity or NaN).
 */
final class Arithmetic {

  private Arithmetic() {}

  enum IntOp { ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO }

  enum DoubleOp { ADD, SUBTRACT, MULTIPLY, DIVIDE }

  static final class IntBinary extends Node {
    private final IntOp op;
    private final Node left;
    private final Node right;
    private final int position;

    IntBinary(IntOp op, Node left, Node right, int position) {
      super(FastType.INT);
      this.op = op;
      this.left = left;
      this.right = right;
      this.position = position;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      return evalInt(value, key, timestamp);
    }

    @Override
    public long evalInt(Map<?, ?> value, Object key, long timestamp) {
      long a = left.evalInt(value, key, timestamp);
      long b = right.evalInt(value, key, timestamp);
      try {
        return switch (op) {
          case ADD -> Math.addExact(a, b);
          case SUBTRACT -> Math.subtractExact(a, b);
          case MULTIPLY -> Math.multiplyExact(a, b);
          case DIVIDE -> divide(a, b);
          case MODULO -> modulo(a, b);
        };
      } catch (ArithmeticException e) {
        throw EvalFailure.at(position, e.getMessage());
      }
    }

    // Zero divisors are checked, not caught: once hot, HotSpot throws a preallocated
    // ArithmeticException without a message (OmitStackTraceInFastThrow), and the reason must not
    // depend on JIT state. The text is CEL-java's.
    private long divide(long a, long b) {
      if (b == 0) {
        throw EvalFailure.at(position, "/ by zero");
      }
      if (a == Long.MIN_VALUE && b == -1) {
        throw EvalFailure.at(position, "most negative number wraps");
      }
      return a / b;
    }

    private long modulo(long a, long b) {
      if (b == 0) {
        throw EvalFailure.at(position, "/ by zero");
      }
      return a % b;
    }
  }

  static final class DoubleBinary extends Node {
    private final DoubleOp op;
    private final Node left;
    private final Node right;

    DoubleBinary(DoubleOp op, Node left, Node right) {
      super(FastType.DOUBLE);
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      return evalDouble(value, key, timestamp);
    }

    @Override
    public double evalDouble(Map<?, ?> value, Object key, long timestamp) {
      double a = left.evalDouble(value, key, timestamp);
      double b = right.evalDouble(value, key, timestamp);
      return switch (op) {
        case ADD -> a + b;
        case SUBTRACT -> a - b;
        case MULTIPLY -> a * b;
        case DIVIDE -> a / b;
      };
    }
  }

  static final class IntNegate extends Node {
    private final Node operand;
    private final int position;

    IntNegate(Node operand, int position) {
      super(FastType.INT);
      this.operand = operand;
      this.position = position;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      return evalInt(value, key, timestamp);
    }

    @Override
    public long evalInt(Map<?, ?> value, Object key, long timestamp) {
      long a = operand.evalInt(value, key, timestamp);
      if (a == Long.MIN_VALUE) {
        throw EvalFailure.at(position, "long overflow");
      }
      return -a;
    }
  }

  static final class DoubleNegate extends Node {
    private final Node operand;

    DoubleNegate(Node operand) {
      super(FastType.DOUBLE);
      this.operand = operand;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      return evalDouble(value, key, timestamp);
    }

    @Override
    public double evalDouble(Map<?, ?> value, Object key, long timestamp) {
      return -operand.evalDouble(value, key, timestamp);
    }
  }

  /** {@code double(int)}. */
  static final class IntToDouble extends Node {
    private final Node operand;

    IntToDouble(Node operand) {
      super(FastType.DOUBLE);
      this.operand = operand;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      return evalDouble(value, key, timestamp);
    }

    @Override
    public double evalDouble(Map<?, ?> value, Object key, long timestamp) {
      return (double) operand.evalInt(value, key, timestamp);
    }
  }

  /** {@code int(double)}: truncates; NaN, infinities and values outside the int range fail. */
  static final class DoubleToInt extends Node {
    private final Node operand;
    private final int position;

    DoubleToInt(Node operand, int position) {
      super(FastType.INT);
      this.operand = operand;
      this.position = position;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      return evalInt(value, key, timestamp);
    }

    @Override
    public long evalInt(Map<?, ?> value, Object key, long timestamp) {
      double v = operand.evalDouble(value, key, timestamp);
      if (!CelSemantics.doubleFitsInt(v)) {
        throw EvalFailure.at(position, "double is out of range for int");
      }
      return (long) v;
    }
  }

  /** {@code string(int)}, {@code string(double)}: Java's decimal text, as CEL-java prints them. */
  static final class NumberToString extends Node {
    private final Node operand;

    NumberToString(Node operand) {
      super(FastType.STRING);
      this.operand = operand;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      return operand.type() == FastType.INT
          ? Long.toString(operand.evalInt(value, key, timestamp))
          : Double.toString(operand.evalDouble(value, key, timestamp));
    }
  }
}
