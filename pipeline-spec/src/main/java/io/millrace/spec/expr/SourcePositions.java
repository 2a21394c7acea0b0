package io.millrace.spec.expr;

/**
 * Positions inside an expression's text. CEL reports (line, column) with a zero-based column in
 * code points; Millrace reports a zero-based UTF-16 offset (usable with {@link String#substring})
 * and a one-based line and column in code points, the way editors count.
 */
final class SourcePositions {

  private SourcePositions() {}

  /** UTF-16 offset of CEL's (1-based line, 0-based code-point column), clamped into the text. */
  static int offsetOf(String text, int line, int column) {
    int lineStart = 0;
    for (int l = 1; l < line; l++) {
      int newline = text.indexOf('\n', lineStart);
      if (newline < 0) {
        return text.length();
      }
      lineStart = newline + 1;
    }
    int lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) {
      lineEnd = text.length();
    }
    int available = text.codePointCount(lineStart, lineEnd);
    return text.offsetByCodePoints(lineStart, Math.max(0, Math.min(column, available)));
  }

  /** The error located at a UTF-16 offset (clamped into the text). */
  static ExpressionError errorAt(String text, int offset, String message, String hint) {
    int at = Math.max(0, Math.min(offset, text.length()));
    // Never point into the middle of a surrogate pair.
    if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
      at--;
    }
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    int line = 1;
    for (int i = 0; i < lineStart; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    int column = text.codePointCount(lineStart, at) + 1;
    return new ExpressionError(at, line, column, message, hint);
  }

  /** Offset of the first non-whitespace character (0 for blank text). */
  static int firstToken(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return 0;
  }

  /**
   * Moves an offset onto {@code name} when CEL points next to it: at the '.' before a field, or
   * at the '(' after a function name.
   */
  static int alignToName(String text, int offset, String name) {
    if (name.isEmpty() || text.startsWith(name, offset)) {
      return offset;
    }
    int forward = offset;
    while (forward < text.length()
        && (text.charAt(forward) == '.' || text.charAt(forward) == '?'
            || Character.isWhitespace(text.charAt(forward)))) {
      forward++;
    }
    if (text.startsWith(name, forward)) {
      return forward;
    }
    int back = offset;
    while (back > 0 && Character.isWhitespace(text.charAt(back - 1))) {
      back--;
    }
    if (back >= name.length() && text.startsWith(name, back - name.length())) {
      return back - name.length();
    }
    return offset;
  }
}
