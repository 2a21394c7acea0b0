package io.millrace.spec.cli;

import io.millrace.spec.catalog.Catalog;
import io.millrace.spec.schema.PipelineSchema;
import java.io.PrintStream;
import java.util.List;

/** {@code schema}: prints the pipeline JSON Schema for the catalog on the class path. */
final class SchemaCommand implements CliCommand {

  private final Catalog catalog;

  SchemaCommand(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String name() {
    return "schema";
  }

  @Override
  public String usage() {
    return "schema          print the pipeline JSON Schema (draft 2020-12)";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    if (!args.isEmpty()) {
      err.println("usage: " + usage());
      return 2;
    }
    out.print(PipelineSchema.generate(catalog));
    return 0;
  }
}
