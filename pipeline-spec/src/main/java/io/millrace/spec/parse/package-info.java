/**
 * JSON and YAML text into a Jackson tree plus a {@link io.millrace.spec.parse.SourceMap} (line and
 * column of every JSON pointer); syntax errors become {@link io.millrace.spec.parse.SyntaxProblem}s,
 * never exceptions. {@link io.millrace.spec.parse.ScalarLocator} maps a character inside a string
 * value back to the document (for errors inside expressions).
 */
package io.millrace.spec.parse;
