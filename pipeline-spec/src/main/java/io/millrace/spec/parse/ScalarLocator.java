package io.millrace.spec.parse;

/**
 * Finds where a character of a string value sits in the document text, so an error inside an
 * expression can point at the exact line and column. Handles JSON and YAML double-quoted strings
 * (escapes), single-quoted strings ({@code ''}), plain scalars, line folding, and literal/folded
 * block scalars (content lines with their indentation).
 */
public final class ScalarLocator {

  private final String text;
  private final LineIndex lines;

  public ScalarLocator(String text) {
    this.text = text;
    this.lines = new LineIndex(text);
  }

  /**
   * The document position of character {@code index} of the decoded string whose token starts at
   * {@code start}; clamped to the text, never throws.
   */
  public Position locate(Position start, int index) {
    int s = Math.max(0, Math.min(start.offset(), text.length()));
    if (s >= text.length()) {
      return lines.at(s);
    }
    char first = text.charAt(s);
    int target = Math.max(0, index);
    int raw;
    if (first == '"') {
      raw = walkFlow(s + 1, target, true, false);
    } else if (first == '\'') {
      raw = walkFlow(s + 1, target, false, true);
    } else if (first == '|' || first == '>') {
      raw = walkBlock(s, target);
    } else {
      raw = walkFlow(s, target, false, false);
    }
    return lines.at(raw);
  }

  private int walkFlow(int from, int target, boolean escapes, boolean quoteDoubling) {
    int i = from;
    int decoded = 0;
    int n = text.length();
    while (decoded < target && i < n) {
      char c = text.charAt(i);
      if (escapes && c == '\\' && i + 1 < n) {
        i += escapeLength(text.charAt(i + 1));
        decoded++;
      } else if (quoteDoubling && c == '\'' && i + 1 < n && text.charAt(i + 1) == '\'') {
        i += 2;
        decoded++;
      } else if (c == '\n' || c == '\r') {
        // Folding: a line break and the next line's indentation read as one space.
        i++;
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n')) {
          i++;
        }
        decoded++;
      } else {
        i++;
        decoded++;
      }
    }
    return i;
  }

  private static int escapeLength(char kind) {
    return switch (kind) {
      case 'u' -> 6;
      case 'x' -> 4;
      case 'U' -> 10;
      default -> 2;
    };
  }

  /** Block scalars: content starts on the line after the indicator; each content line loses its indentation. */
  private int walkBlock(int indicator, int target) {
    int n = text.length();
    int lineStart = text.indexOf('\n', indicator);
    if (lineStart < 0) {
      return n;
    }
    lineStart++;
    int indent = -1;
    int decoded = 0;
    while (lineStart < n) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      int spaces = 0;
      while (lineStart + spaces < lineEnd && text.charAt(lineStart + spaces) == ' ') {
        spaces++;
      }
      boolean blank = lineStart + spaces >= lineEnd || text.charAt(lineStart + spaces) == '\r';
      if (indent < 0 && !blank) {
        indent = spaces;
      }
      int contentStart = lineStart + Math.min(spaces, Math.max(indent, 0));
      int contentLength = Math.max(0, lineEnd - contentStart);
      if (target <= decoded + contentLength) {
        return contentStart + (target - decoded);
      }
      decoded += contentLength + 1; // the line break
      lineStart = lineEnd + 1;
    }
    return n;
  }
}
