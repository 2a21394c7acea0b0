package io.millrace.spec.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of {@link SpecCli}. */
public interface CliCommand {

  /** The word that selects it: {@code validate}, {@code schema}, {@code plan}. */
  String name();

  /** One line for the usage text, e.g. {@code validate FILE   check a spec}. */
  String usage();

  /** Runs with the arguments after the command word; returns the process exit code. */
  int run(List<String> args, PrintStream out, PrintStream err);
}
