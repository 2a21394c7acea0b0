package io.millrace.spec.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.spec.catalog.Catalog;
import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.expr.ExpressionCompiler;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.model.PipelineSpec;
import io.millrace.spec.parse.Format;
import io.millrace.spec.parse.ParseResult;
import io.millrace.spec.parse.ParsedDocument;
import io.millrace.spec.parse.Position;
import io.millrace.spec.parse.SpecParser;
import io.millrace.spec.parse.SyntaxProblem;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one entry point that decides whether a pipeline spec is valid. Reports every problem in one
 * pass (syntax, shape, graph, rules, expressions), each located by JSON pointer, line and column
 * with a fix hint; returns the typed model when there is no error. Never throws: an unexpected
 * internal failure becomes one {@code internal} diagnostic.
 *
 * <p>Thread-safe and cheap to share: build one per process.
 */
public final class PipelineValidator {

  private final Catalog catalog;
  private final ExpressionCompiler compiler;
  private final SpecParser parser = new SpecParser();
  private final ShapeCache shapes;

  public PipelineValidator(Catalog catalog, ExpressionCompiler compiler) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.compiler = Objects.requireNonNull(compiler, "compiler");
    this.shapes = new ShapeCache(catalog);
  }

  /** The catalog from the class path ({@link Catalog#load()}) and the CEL compiler. */
  public static PipelineValidator standard() {
    return new PipelineValidator(Catalog.load(), new CelExpressionCompiler());
  }

  public ValidationResult validate(String text, Format format) {
    try {
      return run(text, format == null ? Format.YAML : format);
    } catch (RuntimeException | StackOverflowError e) {
      // Last resort: a bug of ours must not reach the caller as a stack trace.
      Diagnostic internal = new Diagnostic(Severity.ERROR, "internal", "", Position.START.line(), Position.START.column(),
          "internal error while validating (" + e.getClass().getSimpleName() + ")",
          "this is a bug in Millrace, not in your spec: please report it with the spec");
      return new ValidationResult(List.of(internal), Optional.empty(), Map.of());
    }
  }

  private ValidationResult run(String text, Format format) {
    ParseResult parsed = parser.parse(text, format);
    if (parsed.document().isEmpty()) {
      return new ValidationResult(parsed.problems().stream().map(PipelineValidator::toDiagnostic).toList(), Optional.empty(), Map.of());
    }
    ParsedDocument document = parsed.document().get();
    Diagnostics diagnostics = new Diagnostics(document.sourceMap());
    parsed.problems().forEach(p -> diagnostics.at(Severity.ERROR, p.code(), p.pointer(), p.position(), p.message(), p.hint()));
    JsonNode root = document.root();

    ShapeChecker shape = new ShapeChecker(catalog, shapes, diagnostics);
    shape.check(root);
    if (!root.isObject()) {
      return new ValidationResult(diagnostics.sorted(), Optional.empty(), Map.of());
    }
    List<GraphNode> nodes = GraphNode.read(root, catalog);
    GraphChecker graph = new GraphChecker(nodes, diagnostics);
    Optional<List<GraphNode>> order = graph.check(root.path("spec").path("nodes").isArray());
    new NodeRulesChecker(diagnostics).check(root, nodes, graph.byId().keySet());
    TypeFlow types = new TypeFlow(diagnostics, graph.byId());
    Map<String, RecordType> outputTypes = types.run(order.orElse(List.of()));
    new ExpressionChecker(compiler, diagnostics, document.sourceMap(), document.text()).check(shape.expressions(), nodes, types);

    List<Diagnostic> all = diagnostics.sorted();
    if (diagnostics.hasErrors()) {
      return new ValidationResult(all, Optional.empty(), Map.of());
    }
    PipelineSpec model = new ModelBinder(catalog).bind(root);
    return new ValidationResult(all, Optional.of(model), outputTypes);
  }

  private static Diagnostic toDiagnostic(SyntaxProblem p) {
    return new Diagnostic(Severity.ERROR, p.code(), p.pointer(), p.position().line(), p.position().column(), p.message(), p.hint());
  }

  /** Diagnostics as lines for a file, as the CLI prints them. */
  public static String format(String file, List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(d -> d.format(file)).collect(Collectors.joining("\n"));
  }
}
