package io.millrace.spec.validate;

import io.millrace.spec.expr.RecordType;
import io.millrace.spec.model.PipelineSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every diagnostic found in one pass, sorted by position, and — when there is no error — the model
 * and the record type flowing out of each node (for the compiler's expression compilation).
 */
public record ValidationResult(List<Diagnostic> diagnostics, Optional<PipelineSpec> pipeline, Map<String, RecordType> outputTypes) {

  public ValidationResult {
    diagnostics = List.copyOf(diagnostics);
    outputTypes = Map.copyOf(outputTypes);
  }

  public boolean isValid() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }
}
