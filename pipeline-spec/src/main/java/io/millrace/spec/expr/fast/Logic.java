package io.millrace.spec.expr.fast;

import java.util.Map;

/**
 * {@code &&}, {@code ||}, {@code !} and {@code ? :} with CEL's semantics: && and || are commutative
 * over errors (an error on one side is absorbed when the other side decides the result; when
 * neither does, the left error wins), the conditional is strict in its condition only.
 */
final class Logic {

  private Logic() {}

  /** Both operands are statically bool. */
  static final class And extends Node {
    private final Node left;
    private final Node right;

    And(Node left, Node right) {
      super(FastType.BOOL);
      this.left = left;
      this.right = right;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      return evalBool(value, key, timestamp) ? Boolean.TRUE : Boolean.FALSE;
    }

    @Override
    public boolean evalBool(Map<?, ?> value, Object key, long timestamp) {
      EvalFailure leftError = null;
      try {
        if (!left.evalBool(value, key, timestamp)) {
          return false;
        }
      } catch (EvalFailure e) {
        leftError = e; // absorbed if the right side is false
      }
      boolean rightValue;
      try {
        rightValue = right.evalBool(value, key, timestamp);
      } catch (EvalFailure e) {
        throw leftError != null ? leftError : e;
      }
      if (!rightValue) {
        return false;
      }
      if (leftError != null) {
        throw leftError;
      }
      return true;
    }
  }

  /** Both operands are statically bool. */
  static final class Or extends Node {
    private final Node left;
    private final Node right;

    Or(Node left, Node right) {
      super(FastType.BOOL);
      this.left = left;
      this.right = right;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      return evalBool(value, key, timestamp) ? Boolean.TRUE : Boolean.FALSE;
    }

    @Override
    public boolean evalBool(Map<?, ?> value, Object key, long timestamp) {
      EvalFailure leftError = null;
      try {
        if (left.evalBool(value, key, timestamp)) {
          return true;
        }
      } catch (EvalFailure e) {
        leftError = e; // absorbed if the right side is true
      }
      boolean rightValue;
      try {
        rightValue = right.evalBool(value, key, timestamp);
      } catch (EvalFailure e) {
        throw leftError != null ? leftError : e;
      }
      if (rightValue) {
        return true;
      }
      if (leftError != null) {
        throw leftError;
      }
      return false;
    }
  }

  static final class Not extends Node {
    private final Node operand;

    Not(Node operand) {
      super(FastType.BOOL);
      this.operand = operand;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      return evalBool(value, key, timestamp) ? Boolean.TRUE : Boolean.FALSE;
    }

    @Override
    public boolean evalBool(Map<?, ?> value, Object key, long timestamp) {
      return !operand.evalBool(value, key, timestamp);
    }
  }

  /** {@code c ? a : b}: only the chosen branch is evaluated. */
  static final class Conditional extends Node {
    private final Node condition;
    private final Node then;
    private final Node otherwise;

    Conditional(FastType type, Node condition, Node then, Node otherwise) {
      super(type);
      this.condition = condition;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    public Object eval(Map<?, ?> value, Object key, long timestamp) {
      return (condition.evalBool(value, key, timestamp) ? then : otherwise).eval(value, key, timestamp);
    }

    @Override
    public boolean evalBool(Map<?, ?> value, Object key, long timestamp) {
      return (condition.evalBool(value, key, timestamp) ? then : otherwise).evalBool(value, key, timestamp);
    }

    @Override
    public long evalInt(Map<?, ?> value, Object key, long timestamp) {
      return (condition.evalBool(value, key, timestamp) ? then : otherwise).evalInt(value, key, timestamp);
    }

    @Override
    public double evalDouble(Map<?, ?> value, Object key, long timestamp) {
      return (condition.evalBool(value, key, timestamp) ? then : otherwise).evalDouble(value, key, timestamp);
    }

    @Override
    boolean mayAlias() {
      return then.mayAlias() || otherwise.mayAlias();
    }
  }
}
