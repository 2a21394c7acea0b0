package io.millrace.spec.expr.fast;

/**
 * A CEL run-time error raised by a node (overflow, division by zero, a missing field), carrying the
 * reason in the words the CEL path reports it ({@code at position N: ...}).
 *
 * <p>An exception rather than an error value: errors are rare on the hot path, and && / || catch
 * it where CEL absorbs errors. Stackless, so raising one costs an allocation and no stack walk.
 */
public final class EvalFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  EvalFailure(String reason) {
    super(reason, null, false, false);
  }

  /** The failure of the expression node at {@code position} (-1: no position known). */
  static EvalFailure at(int position, String message) {
    return new EvalFailure(position < 0 ? message : "at position " + position + ": " + message);
  }

  public String reason() {
    return getMessage();
  }
}
