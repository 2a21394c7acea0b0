package io.millrace.spec.parse;

/**
 * A place in the document text.
 *
 * @param line 1-based line
 * @param column 1-based column (in characters)
 * @param offset 0-based character offset from the start of the text
 */
public record Position(int line, int column, int offset) {

  public static final Position START = new Position(1, 1, 0);
}
