package io.millrace.spec.expr;

/**
 * Bounds on what one expression may cost, so any tenant's expression is safe to run on a shared
 * worker. Compile-time limits reject an expression with a located error; run-time limits make one
 * evaluation fail ({@link EvalResult.Failed}), which sends that record to the dead-letter output.
 *
 * @param maxLength maximum expression length in Unicode code points (compile time)
 * @param maxNestingDepth maximum nesting of parentheses, calls and operators (compile time; also
 *     protects the checker and the interpreter from deep recursion)
 * @param maxAstNodes maximum number of nodes in the expression tree after macro expansion
 *     (compile time)
 * @param maxComprehensionIterations maximum loop iterations of the comprehension macros ({@code
 *     all}, {@code exists}, {@code map}, {@code filter}, ...) in one evaluation (run time)
 * @param maxRegexProgramSize maximum RE2 program size of a regular expression used by {@code
 *     matches} or the {@code regex.*} functions (run time, since patterns may be computed)
 * @param maxJsonNestingDepth maximum nesting of objects/arrays that {@code json(s)} accepts (run time)
 * @param maxJsonLength maximum length in characters of a string given to {@code json(s)} (run time)
 */
public record ExpressionLimits(
    int maxLength,
    int maxNestingDepth,
    int maxAstNodes,
    int maxComprehensionIterations,
    int maxRegexProgramSize,
    int maxJsonNestingDepth,
    int maxJsonLength) {

  public ExpressionLimits {
    positive(maxLength, "maxLength");
    positive(maxNestingDepth, "maxNestingDepth");
    positive(maxAstNodes, "maxAstNodes");
    positive(maxComprehensionIterations, "maxComprehensionIterations");
    positive(maxRegexProgramSize, "maxRegexProgramSize");
    positive(maxJsonNestingDepth, "maxJsonNestingDepth");
    positive(maxJsonLength, "maxJsonLength");
  }

  /**
   * The limits every Millrace expression runs under. Generous for real filters and projections
   * (a few hundred characters, a handful of nested calls), small enough that one record cannot
   * stall a task.
   */
  public static ExpressionLimits defaults() {
    return new ExpressionLimits(4_096, 32, 1_000, 10_000, 1_000, 32, 1_048_576);
  }

  private static void positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
