package io.millrace.spec.cli;

import io.millrace.spec.catalog.Catalog;
import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.validate.PipelineValidator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec command line: {@code validate FILE}, {@code schema} (and {@code plan FILE}, added by the
 * compiler in {@link #commands}). Later wrapped by the {@code millrace} CLI.
 *
 * <pre>java -cp millrace-pipeline-spec.jar:... io.millrace.spec.cli.SpecCli validate pipeline.yaml</pre>
 */
public final class SpecCli {

  private final Map<String, CliCommand> commands = new LinkedHashMap<>();

  public SpecCli(List<CliCommand> commands) {
    commands.forEach(c -> this.commands.put(c.name(), c));
  }

  /** The commands of this module. Add a command here to offer it ({@code plan FILE} goes here). */
  static List<CliCommand> commands() {
    Catalog catalog = Catalog.load();
    PipelineValidator validator = new PipelineValidator(catalog, new CelExpressionCompiler());
    List<CliCommand> commands = new ArrayList<>();
    commands.add(new ValidateCommand(validator));
    commands.add(new SchemaCommand(catalog));
    commands.add(new PlanCommand(new io.millrace.spec.compile.SpecCompiler(validator)));
    return commands;
  }

  public static void main(String[] args) {
    int code = new SpecCli(commands()).run(args, System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command; returns the exit code (0 ok, 1 invalid spec, 2 usage or I/O error). */
  public int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || !commands.containsKey(args[0])) {
      if (args.length > 0 && !args[0].equals("help") && !args[0].equals("--help")) {
        err.println("unknown command '" + args[0] + "'");
      }
      err.println("usage: SpecCli COMMAND");
      commands.values().forEach(c -> err.println("  " + c.usage()));
      return 2;
    }
    return commands.get(args[0]).run(Arrays.asList(args).subList(1, args.length), out, err);
  }
}
