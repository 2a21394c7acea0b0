package io.millrace.spec.model;

/** What happens to a record whose expression fails on this node. */
public record DeadLetterSpec(OnError onError, boolean includeRecord) {

  public static final DeadLetterSpec DEFAULT = new DeadLetterSpec(OnError.ROUTE, true);

  public enum OnError {
    /** To {@code <id>.dead-letter} with the reason; counted and logged when nothing reads it. */
    ROUTE,
    /** Fail the task; the restart strategy applies. */
    FAIL;

    public static OnError of(String word) {
      return SpecEnums.of(OnError.class, word);
    }
  }
}
