package io.millrace.spec.expr.fast;

/**
 * Raised when a record holds a value outside what the fast path was compiled for (a declared
 * {@code int} field holding a Double or null, a record that is not a map...): the caller evaluates
 * that record with the CEL program instead, so such records get exactly CEL's answer.
 *
 * <p>One shared instance: it carries no state (no message, no stack trace, no suppressed
 * exceptions), so sharing it across threads is safe, and raising it allocates nothing.
 */
public final class Deopt extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final Deopt INSTANCE = new Deopt();

  private Deopt() {
    super(null, null, false, false);
  }
}
