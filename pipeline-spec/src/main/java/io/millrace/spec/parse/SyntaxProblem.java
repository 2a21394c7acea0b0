package io.millrace.spec.parse;

/**
 * Text that is not well-formed JSON/YAML, or a document problem only the parser can see.
 *
 * @param code {@code syntax} or {@code duplicate-key}
 * @param pointer the JSON pointer of the affected value, or "" when the structure is unknown
 */
public record SyntaxProblem(String code, String pointer, Position position, String message, String hint) {}
