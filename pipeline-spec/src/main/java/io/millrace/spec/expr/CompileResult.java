package io.millrace.spec.expr;

import java.util.List;

/** The outcome of compiling one expression: a runnable program or the located errors. */
public sealed interface CompileResult {

  record Compiled(CompiledExpression expression) implements CompileResult {}

  record Failed(List<ExpressionError> errors) implements CompileResult {
    public Failed {
      errors = List.copyOf(errors);
    }
  }
}
