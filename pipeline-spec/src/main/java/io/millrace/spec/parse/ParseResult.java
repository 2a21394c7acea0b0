package io.millrace.spec.parse;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of parsing: a document (absent when the text is not well-formed) and the problems
 * found (a syntax error, or duplicate keys in an otherwise readable document).
 */
public record ParseResult(Optional<ParsedDocument> document, List<SyntaxProblem> problems) {

  public ParseResult {
    problems = List.copyOf(problems);
  }
}
