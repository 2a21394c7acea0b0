package io.millrace.spec.plan;

import java.util.Objects;

/**
 * A data connection between two vertices.
 *
 * @param source the producing vertex id
 * @param sourceOutput which output of the source: {@link #MAIN}, {@link #LATE} or {@link
 *     #DEAD_LETTER}
 * @param target the consuming vertex id
 * @param targetInput which input of the target (0-based; joins have a left 0 and a right 1)
 * @param partitioning how records are spread over the target's subtasks
 * @param keyExpression the CEL key expression for {@link Partitioning#HASH}, else null
 */
public record JobEdge(
    String source,
    String sourceOutput,
    String target,
    int targetInput,
    Partitioning partitioning,
    String keyExpression) {

  public static final String MAIN = "main";
  public static final String LATE = "late";
  public static final String DEAD_LETTER = "dead-letter";

  public JobEdge {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(partitioning, "partitioning");
    sourceOutput = sourceOutput == null ? MAIN : sourceOutput;
    if (targetInput < 0) {
      throw new IllegalArgumentException("edge " + source + " -> " + target + ": negative input index");
    }
    if ((partitioning == Partitioning.HASH) != (keyExpression != null)) {
      throw new IllegalArgumentException("edge " + source + " -> " + target
          + ": a key expression goes with HASH partitioning and only with it");
    }
  }

  /** A main-output edge without a key. */
  public static JobEdge of(String source, String target, int targetInput, Partitioning partitioning) {
    return new JobEdge(source, MAIN, target, targetInput, partitioning, null);
  }

  /** A main-output HASH edge. */
  public static JobEdge hash(String source, String target, int targetInput, String keyExpression) {
    return new JobEdge(source, MAIN, target, targetInput, Partitioning.HASH, keyExpression);
  }

  boolean isMainOutput() {
    return MAIN.equals(sourceOutput);
  }
}
