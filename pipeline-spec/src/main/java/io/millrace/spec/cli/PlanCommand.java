package io.millrace.spec.cli;

import io.millrace.spec.compile.CompilationResult;
import io.millrace.spec.compile.SpecCompiler;
import io.millrace.spec.parse.Format;
import io.millrace.spec.plan.PlanCodec;
import io.millrace.spec.plan.PlanPrinter;
import io.millrace.spec.validate.Diagnostic;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code plan FILE [--json]}: validates and compiles a spec, then prints the chained physical plan
 * (or its JSON form, what workers receive). Exit 1 with the diagnostics when the spec is invalid.
 */
final class PlanCommand implements CliCommand {

  private final SpecCompiler compiler;

  PlanCommand(SpecCompiler compiler) {
    this.compiler = compiler;
  }

  @Override
  public String name() {
    return "plan";
  }

  @Override
  public String usage() {
    return "plan FILE [--json]   print the physical plan: operator chains, parallelism, edges, key groups";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    List<String> rest = new ArrayList<>(args);
    boolean json = rest.remove("--json");
    if (rest.size() != 1) {
      err.println("usage: " + usage());
      return 2;
    }
    String name = rest.get(0);
    Path file = Path.of(name);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      err.println(name + ": cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
      return 2;
    }
    CompilationResult result = compiler.compile(text, Format.fromFileName(file.getFileName().toString()));
    if (result.plan().isEmpty()) {
      for (Diagnostic d : result.validation().diagnostics()) {
        err.println(d.format(name));
      }
      err.println(name + ": not compiled, " + result.validation().errors().size() + " error(s)");
      return 1;
    }
    out.print(json ? new PlanCodec().toJson(result.plan().get()) + "\n"
        : new PlanPrinter().print(result.plan().get()));
    return 0;
  }
}
