package io.millrace.spec.validate;

import io.millrace.spec.catalog.BuiltinNodeKinds;
import io.millrace.spec.catalog.NodeRole;
import io.millrace.spec.expr.CompileResult;
import io.millrace.spec.expr.ExpressionCompiler;
import io.millrace.spec.expr.ExpressionError;
import io.millrace.spec.expr.ExpressionScope;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.parse.Position;
import io.millrace.spec.parse.ScalarLocator;
import io.millrace.spec.parse.SourceMap;
import java.util.List;

/**
 * Compiles every expression with the variables its place gives it, and locates each compile error
 * inside the expression text in the document (line and column of the offending character).
 */
final class ExpressionChecker {

  private final ExpressionCompiler compiler;
  private final Diagnostics diagnostics;
  private final SourceMap sourceMap;
  private final ScalarLocator locator;

  ExpressionChecker(ExpressionCompiler compiler, Diagnostics diagnostics, SourceMap sourceMap, String text) {
    this.compiler = compiler;
    this.diagnostics = diagnostics;
    this.sourceMap = sourceMap;
    this.locator = new ScalarLocator(text);
  }

  void check(List<ExpressionSite> sites, List<GraphNode> nodes, TypeFlow types) {
    for (ExpressionSite site : sites) {
      GraphNode node = nodes.get(site.nodeIndex());
      ExpressionScope scope = scopeOf(site, node, types);
      CompileResult result;
      try {
        result = compiler.compile(site.text(), scope, site.kind());
      } catch (RuntimeException e) {
        diagnostics.error("internal", site.pointer(), "the expression compiler failed on this expression (" + e.getClass().getSimpleName() + ")",
            "simplify the expression and report this spec to the Millrace team");
        continue;
      }
      if (result instanceof CompileResult.Failed failed) {
        for (ExpressionError error : failed.errors()) {
          report(site, error);
        }
      }
    }
  }

  private void report(ExpressionSite site, ExpressionError error) {
    Position start = sourceMap.valuePosition(site.pointer());
    Position at = locator.locate(start, indexOf(site.text(), error));
    String hint = error.hint() == null || error.hint().isBlank() ? "see docs/expressions.md for the expression language" : error.hint();
    diagnostics.at(Severity.ERROR, "expression", site.pointer(), at, error.message(), hint);
  }

  /** The error's character index inside the expression text. */
  static int indexOf(String text, ExpressionError error) {
    if (error.offset() >= 0) {
      return Math.min(error.offset(), text.length());
    }
    if (error.line() < 1) {
      return 0;
    }
    int index = 0;
    for (int line = 1; line < error.line() && index >= 0; line++) {
      index = text.indexOf('\n', index);
      index = index < 0 ? -1 : index + 1;
    }
    return index < 0 ? 0 : Math.min(text.length(), index + Math.max(0, error.column() - 1));
  }

  private static ExpressionScope scopeOf(ExpressionSite site, GraphNode node, TypeFlow types) {
    if (node.kind() == null) {
      return ExpressionScope.forRecord(RecordType.dynamicRecord());
    }
    if (node.kind().role() == NodeRole.SOURCE) {
      return ExpressionScope.forRecord(types.inputTypeOfSource(node));
    }
    RecordType input = types.inputType(node, 0);
    String path = site.path();
    switch (node.kind().name()) {
      case BuiltinNodeKinds.JOIN, BuiltinNodeKinds.LOOKUP_JOIN -> {
        RecordType right = types.inputType(node, 1);
        if (path.equals("/rightKey")) {
          return ExpressionScope.forRecord(right);
        }
        if (path.equals("/select")) {
          return ExpressionScope.empty().withRecord("left", input).withRecord("right", right).withScalar("key", FieldType.ANY);
        }
        return ExpressionScope.forRecord(input);
      }
      case BuiltinNodeKinds.WINDOW_AGGREGATE -> {
        if (path.startsWith("/aggregates/")) {
          // reduce: acc and value are both input records. Equal record types share one CEL type, so
          // `cond ? acc : value` type-checks and a wrong field is located inside the expression.
          return ExpressionScope.empty().withRecord("acc", input).withRecord("value", input).withScalar("key", FieldType.ANY);
        }
        return ExpressionScope.forRecord(input);
      }
      case BuiltinNodeKinds.PROCESS -> {
        return processScope(node, input, path.startsWith("/onTimer"));
      }
      default -> {
        return ExpressionScope.forRecord(input);
      }
    }
  }

  private static ExpressionScope processScope(GraphNode node, RecordType input, boolean timer) {
    ExpressionScope scope = ExpressionScope.forRecord(input);
    var state = node.json().path("state");
    for (int i = 0; i < state.size(); i++) {
      String name = JsonText.text(state.get(i), "name");
      String kind = JsonText.text(state.get(i), "kind");
      if (name == null || kind == null || NodeRulesChecker.PROCESS_RESERVED.contains(name)) {
        continue;
      }
      FieldType type = switch (kind) {
        case "list" -> FieldType.LIST;
        case "map" -> FieldType.MAP;
        default -> {
          FieldType declared = TypeFlow.fieldType(JsonText.text(state.get(i), "type"));
          yield declared == null ? FieldType.ANY : declared;
        }
      };
      scope = scope.withScalar(name, type);
    }
    return timer ? scope.withScalar("timer", FieldType.TIMESTAMP) : scope;
  }
}
