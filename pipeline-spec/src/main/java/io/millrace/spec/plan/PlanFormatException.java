package io.millrace.spec.plan;

/** A serialized plan that cannot be read: malformed JSON, wrong planVersion or a broken graph. */
public final class PlanFormatException extends Exception {
  public PlanFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
