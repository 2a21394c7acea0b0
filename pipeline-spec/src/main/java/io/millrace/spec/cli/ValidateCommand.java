package io.millrace.spec.cli;

import io.millrace.spec.parse.Format;
import io.millrace.spec.validate.Diagnostic;
import io.millrace.spec.validate.PipelineValidator;
import io.millrace.spec.validate.ValidationResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code validate FILE}: prints every diagnostic as {@code file:line:column: error [code] message (hint)}; exit 1 on errors. */
final class ValidateCommand implements CliCommand {

  private final PipelineValidator validator;

  ValidateCommand(PipelineValidator validator) {
    this.validator = validator;
  }

  @Override
  public String name() {
    return "validate";
  }

  @Override
  public String usage() {
    return "validate FILE   check a pipeline spec (.yaml, .yml or .json); exit 1 when it has errors";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.size() != 1) {
      err.println("usage: " + usage());
      return 2;
    }
    Path file = Path.of(args.get(0));
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      err.println(args.get(0) + ": cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
      return 2;
    }
    ValidationResult result = validator.validate(text, Format.fromFileName(file.getFileName().toString()));
    for (Diagnostic d : result.diagnostics()) {
      out.println(d.format(args.get(0)));
    }
    long errors = result.errors().size();
    long warnings = result.diagnostics().size() - errors;
    if (result.isValid()) {
      out.println(args.get(0) + ": valid" + (warnings > 0 ? " (" + warnings + " warning" + (warnings == 1 ? "" : "s") + ")" : ""));
      return 0;
    }
    err.println(args.get(0) + ": " + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s"));
    return 1;
  }
}
