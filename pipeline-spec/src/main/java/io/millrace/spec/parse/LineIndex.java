package io.millrace.spec.parse;

import java.util.Arrays;

/** Converts between character offsets and line/column positions of one text. */
public final class LineIndex {

  private final int[] lineStarts;
  private final int length;

  public LineIndex(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
      if (lineBreak) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
    this.length = text.length();
  }

  /** The position of a character offset (clamped to the text). */
  public Position at(int offset) {
    int o = Math.max(0, Math.min(offset, length));
    int index = Arrays.binarySearch(lineStarts, o);
    int line = index >= 0 ? index : -index - 2;
    return new Position(line + 1, o - lineStarts[line] + 1, o);
  }

  /** The offset of a 1-based line and column (clamped to the text). */
  public int offsetOf(int line, int column) {
    int l = Math.max(1, Math.min(line, lineStarts.length));
    long offset = (long) lineStarts[l - 1] + Math.max(0, column - 1);
    return (int) Math.min(offset, length);
  }
}
