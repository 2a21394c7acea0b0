package io.millrace.spec.expr.fast;

import dev.cel.common.values.CelByteString;
import java.time.Instant;
import java.util.Map;

/**
 * {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, specialised by the operand
 * types the checker resolved, with CEL-java's semantics ({@link CelSemantics}). Operands are
 * evaluated left to right, strictly (an error on either side fails the comparison).
 */
final class Comparisons {

  private Comparisons() {}

  /** The ordering operators. */
  enum Op {
    LT, LE, GT, GE;

    /** Applies the operator to a three-way comparison result. */
    boolean test(int comparison) {
      return switch (this) {
        case LT -> comparison < 0;
        case LE -> comparison <= 0;
        case GT -> comparison > 0;
        case GE -> comparison >= 0;
      };
    }
  }

  /** What both operands of an ordering are, as resolved by the checker's overload. */
  enum Operands { INT, DOUBLE, INT_DOUBLE, DOUBLE_INT, STRING, BOOL, BYTES, TIMESTAMP }

  /** Shared boxing of bool results for parents that want objects. */
  private abstract static class BoolNode extends Node {
    BoolNode() {
      super(FastType.BOOL);
    }

    @Override
    public final Object eval(Map<?, ?> value, Object key, long timestamp) {
      return evalBool(value, key, timestamp) ? Boolean.TRUE : Boolean.FALSE;
    }
  }

  static Node ordering(Op op, Operands operands, Node left, Node right) {
    return switch (operands) {
      case INT -> new IntOrdering(op, left, right);
      case DOUBLE -> new DoubleOrdering(op, left, right);
      default -> new Ordering(op, operands, left, right);
    };
  }

  private static final class IntOrdering extends BoolNode {
    private final Op op;
    private final Node left;
    private final Node right;

    IntOrdering(Op op, Node left, Node right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    public boolean evalBool(Map<?, ?> value, Object key, long timestamp) {
      long a = left.evalInt(value, key, timestamp);
      long b = right.evalInt(value, key, timestamp);
      return switch (op) {
        case LT -> a < b;
        case LE -> a <= b;
        case GT -> a > b;
        case GE -> a >= b;
      };
    }
  }

  /** IEEE operators: every comparison with NaN is false. */
  private static final class DoubleOrdering extends BoolNode {
    private final Op op;
    private final Node left;
    private final Node right;

    DoubleOrdering(Op op, Node left, Node right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    public boolean evalBool(Map<?, ?> value, Object key, long timestamp) {
      double a = left.evalDouble(value, key, timestamp);
      double b = right.evalDouble(value, key, timestamp);
      return switch (op) {
        case LT -> a < b;
        case LE -> a <= b;
        case GT -> a > b;
        case GE -> a >= b;
      };
    }
  }

  private static final class Ordering extends BoolNode {
    private final Op op;
    private final Operands operands;
    private final Node left;
    private final Node right;

    Ordering(Op op, Operands operands, Node left, Node right) {
      this.op = op;
      this.operands = operands;
      this.left = left;
      this.right = right;
    }

    @Override
    public boolean evalBool(Map<?, ?> value, Object key, long timestamp) {
      return op.test(compare(value, key, timestamp));
    }

    private int compare(Map<?, ?> value, Object key, long timestamp) {
      return switch (operands) {
        case INT_DOUBLE -> {
          long a = left.evalInt(value, key, timestamp);
          yield CelSemantics.compareIntDouble(a, right.evalDouble(value, key, timestamp));
        }
        case DOUBLE_INT -> {
          double a = left.evalDouble(value, key, timestamp);
          yield CelSemantics.compareDoubleInt(a, right.evalInt(value, key, timestamp));
        }
        case STRING -> {
          String a = (String) left.eval(value, key, timestamp);
          yield a.compareTo((String) right.eval(value, key, timestamp));
        }
        case BOOL -> {
          boolean a = left.evalBool(value, key, timestamp);
          yield Boolean.compare(a, right.evalBool(value, key, timestamp));
        }
        case BYTES -> {
          CelByteString a = (CelByteString) left.eval(value, key, timestamp);
          yield CelSemantics.compareBytes(a, (CelByteString) right.eval(value, key, timestamp));
        }
        case TIMESTAMP -> {
          Instant a = (Instant) left.eval(value, key, timestamp);
          yield a.compareTo((Instant) right.eval(value, key, timestamp));
        }
        case INT -> Long.compare(left.evalInt(value, key, timestamp), right.evalInt(value, key, timestamp));
        case DOUBLE -> throw new IllegalStateException("double ordering has its own node");
      };
    }
  }

  /**
   * {@code ==} / {@code !=}. Primitive paths where the checked types allow them; objects (with
   * CEL's identity-first rule) otherwise.
   */
  static Node equality(boolean negated, Node left, Node right) {
    FastType a = left.type();
    FastType b = right.type();
    if (a == FastType.INT && b == FastType.INT) {
      return new PrimitiveEquality(negated, Operands.INT, left, right);
    }
    if (a == FastType.BOOL && b == FastType.BOOL) {
      return new PrimitiveEquality(negated, Operands.BOOL, left, right);
    }
    if (a == FastType.DOUBLE && b == FastType.DOUBLE && !(left.mayAlias() && right.mayAlias())) {
      return new PrimitiveEquality(negated, Operands.DOUBLE, left, right);
    }
    if (a == FastType.INT && b == FastType.DOUBLE) {
      return new PrimitiveEquality(negated, Operands.INT_DOUBLE, left, right);
    }
    if (a == FastType.DOUBLE && b == FastType.INT) {
      return new PrimitiveEquality(negated, Operands.DOUBLE_INT, left, right);
    }
    return new ObjectEquality(negated, left, right);
  }

  private static final class PrimitiveEquality extends BoolNode {
    private final boolean negated;
    private final Operands operands;
    private final Node left;
    private final Node right;

    PrimitiveEquality(boolean negated, Operands operands, Node left, Node right) {
      this.negated = negated;
      this.operands = operands;
      this.left = left;
      this.right = right;
    }

    @Override
    public boolean evalBool(Map<?, ?> value, Object key, long timestamp) {
      return negated != equal(value, key, timestamp);
    }

    private boolean equal(Map<?, ?> value, Object key, long timestamp) {
      return switch (operands) {
        case INT -> left.evalInt(value, key, timestamp) == right.evalInt(value, key, timestamp);
        case BOOL -> left.evalBool(value, key, timestamp) == right.evalBool(value, key, timestamp);
        case DOUBLE -> {
          double a = left.evalDouble(value, key, timestamp);
          yield CelSemantics.doubleEquals(a, right.evalDouble(value, key, timestamp));
        }
        case INT_DOUBLE -> {
          long a = left.evalInt(value, key, timestamp);
          yield CelSemantics.compareIntDouble(a, right.evalDouble(value, key, timestamp)) == 0;
        }
        case DOUBLE_INT -> {
          double a = left.evalDouble(value, key, timestamp);
          yield CelSemantics.compareDoubleInt(a, right.evalInt(value, key, timestamp)) == 0;
        }
        default -> throw new IllegalStateException("no primitive equality for " + operands);
      };
    }
  }

  private static final class ObjectEquality extends BoolNode {
    private final boolean negated;
    private final Node left;
    private final Node right;

    ObjectEquality(boolean negated, Node left, Node right) {
      this.negated = negated;
      this.left = left;
      this.right = right;
    }

    @Override
    public boolean evalBool(Map<?, ?> value, Object key, long timestamp) {
      Object a = left.eval(value, key, timestamp);
      return negated != CelSemantics.objectEquals(a, right.eval(value, key, timestamp));
    }
  }
}
