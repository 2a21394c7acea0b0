package io.millrace.spec.expr.fast;

import java.util.Map;

/**
 * One node of a fast-path evaluator tree. Immutable, so a tree is shared by all threads.
 *
 * <p>Every node can yield its value as a CEL run-time object ({@link #eval}); nodes of static type
 * bool, int and double also have primitive paths ({@link #evalBool}, {@link #evalInt}, {@link
 * #evalDouble}) that parents of those types call, so a predicate over primitive and string fields
 * runs without boxing. The variables are passed as arguments (no frame object): {@code value} is the
 * record (null when the expression does not read it), {@code key} the raw key, {@code timestamp} the
 * event time in epoch milliseconds.
 *
 * <p>A node either returns, raises {@link EvalFailure} (CEL would fail the record) or raises {@link
 * Deopt} (a value of a type the node was not compiled for: let CEL evaluate this record).
 */
public abstract class Node {

  private final FastType type;

  Node(FastType type) {
    this.type = type;
  }

  final FastType type() {
    return type;
  }

  /** Whether the whole expression yields a bool and {@link #evalBool} is its natural path. */
  public final boolean yieldsBool() {
    return type == FastType.BOOL;
  }

  /**
   * Whether {@link #eval} already yields a record-model value (a map literal builds one directly),
   * so the caller must not convert it again.
   */
  public boolean yieldsRecordModel() {
    return false;
  }

  /** The value as CEL's runtime represents it (Long, Double, String, Boolean, CelByteString, NullValue, Instant). */
  public abstract Object eval(Map<?, ?> value, Object key, long timestamp);

  public boolean evalBool(Map<?, ?> value, Object key, long timestamp) {
    return (Boolean) eval(value, key, timestamp);
  }

  public long evalInt(Map<?, ?> value, Object key, long timestamp) {
    return (Long) eval(value, key, timestamp);
  }

  public double evalDouble(Map<?, ?> value, Object key, long timestamp) {
    return (Double) eval(value, key, timestamp);
  }

  /**
   * Whether {@link #eval} may return an object that another node of the same evaluation also
   * returns (a field read returns the record's own object). CEL's equality tests identity first,
   * so {@code value.d == value.d} is true even for NaN: equality honours that only when both sides
   * may alias.
   */
  boolean mayAlias() {
    return false;
  }
}
