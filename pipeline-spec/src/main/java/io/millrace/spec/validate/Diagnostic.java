package io.millrace.spec.validate;

/**
 * One problem found in a spec, located for a person and for a machine.
 *
 * @param code stable machine-readable kind, e.g. {@code unknown-field} (see README for the list)
 * @param pointer RFC 6901 JSON pointer of the offending value, e.g. {@code /spec/nodes/2/expression}
 * @param line 1-based line in the document
 * @param column 1-based column in the document
 * @param message what is wrong
 * @param hint how to fix it
 */
public record Diagnostic(Severity severity, String code, String pointer, int line, int column, String message, String hint) {

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:column: error [code] message (hint)}, the CLI and editor format. */
  public String format(String file) {
    String level = severity.name().toLowerCase(java.util.Locale.ROOT);
    String suffix = hint == null || hint.isBlank() ? "" : " (" + hint + ")";
    return file + ":" + line + ":" + column + ": " + level + " [" + code + "] " + message + suffix;
  }
}
