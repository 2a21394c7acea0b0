package io.millrace.spec.validate;

import io.millrace.spec.parse.Position;
import io.millrace.spec.parse.SourceMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the diagnostics of one validation, locating each through the document's source map. */
final class Diagnostics {

  private final SourceMap sourceMap;
  private final List<Diagnostic> list = new ArrayList<>();

  Diagnostics(SourceMap sourceMap) {
    this.sourceMap = sourceMap;
  }

  /** An error at the value at {@code pointer}. */
  void error(String code, String pointer, String message, String hint) {
    at(Severity.ERROR, code, pointer, sourceMap.valuePosition(pointer), message, hint);
  }

  /** An error at the key of the member at {@code pointer} (unknown or forbidden settings). */
  void errorAtKey(String code, String pointer, String message, String hint) {
    at(Severity.ERROR, code, pointer, sourceMap.keyPosition(pointer), message, hint);
  }

  void warning(String code, String pointer, String message, String hint) {
    at(Severity.WARNING, code, pointer, sourceMap.keyPosition(pointer), message, hint);
  }

  void at(Severity severity, String code, String pointer, Position position, String message, String hint) {
    list.add(new Diagnostic(severity, code, pointer, position.line(), position.column(), message, hint));
  }

  boolean hasErrors() {
    return list.stream().anyMatch(Diagnostic::isError);
  }

  /** In document order, so a person reads them top to bottom. */
  List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(list);
    copy.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::code));
    return copy;
  }
}
