package io.millrace.spec.expr;

/**
 * A compile error inside one expression.
 *
 * @param offset zero-based character offset inside the expression text, or -1 if unknown
 * @param line one-based line inside the expression text (1 for single-line expressions)
 * @param column one-based column inside the expression text
 * @param message what is wrong, for a person
 * @param hint how to fix it, or null
 */
public record ExpressionError(int offset, int line, int column, String message, String hint) {}
