package io.millrace.spec.expr;

import dev.cel.common.CelIssue;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns CEL's parse and check issues into {@link ExpressionError}s a pipeline author can act on:
 * located on the offending token, worded without CEL internals, with a fix hint.
 */
final class IssueTranslator {

  private static final Pattern UNDEFINED_FIELD = Pattern.compile("undefined field '([^']*)'");
  private static final Pattern UNDECLARED =
      Pattern.compile("undeclared reference to '([^']*)'");
  private static final Pattern NO_OVERLOAD =
      Pattern.compile(
          "found no matching overload for '([^']*)' applied to '\\((.*?)\\)'"
              + "(?: \\(candidates: (.*)\\))?",
          Pattern.DOTALL);
  private static final Pattern NO_SELECTION =
      Pattern.compile("type '([^']*)' does not support field selection");
  private static final Pattern EXPECTING = Pattern.compile("\\s*expecting \\{.*\\}", Pattern.DOTALL);
  private static final Pattern TYPE_PARAMS = Pattern.compile("\\(%[^)]*\\)");
  private static final String DOCS = "see pipeline-spec/docs/expressions.md";

  private final String text;
  private final ExpressionScope scope;
  private final Optional<CelExpr> parsed;
  private final Set<String> functionNames;
  private final ExpressionLimits limits;

  IssueTranslator(
      String text,
      ExpressionScope scope,
      Optional<CelExpr> parsed,
      Set<String> functionNames,
      ExpressionLimits limits) {
    this.text = text;
    this.scope = scope;
    this.parsed = parsed;
    this.functionNames = functionNames;
    this.limits = limits;
  }

  List<ExpressionError> translate(List<CelIssue> issues) {
    Set<ExpressionError> errors = new LinkedHashSet<>();
    for (CelIssue issue : issues) {
      errors.add(translate(issue));
    }
    return new ArrayList<>(errors);
  }

  private ExpressionError translate(CelIssue issue) {
    var location = issue.getSourceLocation();
    int offset =
        location.getLine() > 0
            ? SourcePositions.offsetOf(text, location.getLine(), location.getColumn())
            : SourcePositions.firstToken(text);
    String message = issue.getMessage() == null ? "invalid expression" : issue.getMessage();

    Matcher m = UNDEFINED_FIELD.matcher(message);
    if (m.find()) {
      return undefinedField(m.group(1), issue.getExprId(), offset);
    }
    m = UNDECLARED.matcher(message);
    if (m.find()) {
      return undeclared(m.group(1), offset);
    }
    m = NO_OVERLOAD.matcher(message);
    if (m.find()) {
      return noOverload(m.group(1), m.group(2), m.group(3), offset);
    }
    m = NO_SELECTION.matcher(message);
    if (m.find()) {
      return SourcePositions.errorAt(
          text, offset, "a value of type " + m.group(1) + " has no fields",
          "only records and maps have fields; check which value this '.' applies to");
    }
    if (message.contains("recursion limit")) {
      return SourcePositions.errorAt(
          text, offset,
          "the expression is nested too deeply (limit " + limits.maxNestingDepth() + " levels)",
          "flatten it, or split the work over several nodes (e.g. a map before a filter)");
    }
    if (message.contains("code point size") || message.contains("exceeds")) {
      return SourcePositions.errorAt(
          text, 0,
          "the expression is too long (limit " + limits.maxLength() + " characters)",
          "split the work over several nodes");
    }
    if (isSyntaxError(message)) {
      String detail = EXPECTING.matcher(message).replaceAll("").trim();
      return SourcePositions.errorAt(
          text, offset, "syntax error: " + detail,
          "check for a missing operand, parenthesis or quote here; strings are written 'text'"
              + " or \"text\"");
    }
    return SourcePositions.errorAt(text, offset, message, DOCS);
  }

  private ExpressionError undefinedField(String field, long exprId, int offset) {
    int at = SourcePositions.alignToName(text, offset, field);
    Optional<String> variable =
        parsed
            .flatMap(root -> AstNodes.find(root, exprId))
            .filter(expr -> expr.getKind() == CelExpr.ExprKind.Kind.SELECT)
            .map(expr -> expr.select().operand())
            .filter(operand -> operand.getKind() == CelExpr.ExprKind.Kind.IDENT)
            .map(operand -> operand.ident().name());
    List<String> declared = new ArrayList<>();
    variable
        .map(name -> scope.variables().get(name))
        .filter(ExpressionScope.Variable.Record.class::isInstance)
        .map(record -> ((ExpressionScope.Variable.Record) record).type().fields().keySet())
        .ifPresentOrElse(declared::addAll, () -> allDeclaredFields(declared));
    String owner = variable.map(name -> "'" + name + "'").orElse("the record");
    String hint =
        DidYouMean.closest(field, declared)
            .map(best -> "did you mean '" + best + "'?")
            .orElse(declared.isEmpty()
                ? "the record declares no fields"
                : "declared fields: " + String.join(", ", declared)
                    + " (add the field to the source's schema to use it)");
    return SourcePositions.errorAt(text, at, owner + " has no field '" + field + "'", hint);
  }

  private void allDeclaredFields(List<String> into) {
    scope.variables().values().stream()
        .filter(ExpressionScope.Variable.Record.class::isInstance)
        .map(v -> ((ExpressionScope.Variable.Record) v).type().fields().keySet())
        .forEach(into::addAll);
  }

  private ExpressionError undeclared(String name, int offset) {
    int at = SourcePositions.alignToName(text, offset, name);
    boolean isCall = isFollowedByParenthesis(at + name.length());
    List<String> variables = new ArrayList<>(scope.variables().keySet());
    Optional<String> suggestion =
        isCall
            ? DidYouMean.closest(name, functionNames)
            : DidYouMean.closest(name, variables).or(() -> DidYouMean.closest(name, functionNames));
    String hint =
        suggestion
            .map(best -> "did you mean '" + best + "'?")
            .orElse(isCall
                ? "no such function; " + DOCS + " for the function library"
                : "variables here: " + (variables.isEmpty() ? "none" : String.join(", ", variables))
                    + "; string literals need quotes: 'text'");
    String message = (isCall ? "unknown function '" : "unknown name '") + name + "'";
    return SourcePositions.errorAt(text, at, message, hint);
  }

  private boolean isFollowedByParenthesis(int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '(';
  }

  private ExpressionError noOverload(String function, String args, String candidates, int offset) {
    String operator = operatorSymbol(function);
    if (operator != null) {
      return SourcePositions.errorAt(
          text, offset,
          "operator '" + operator + "' cannot be applied to (" + args + ")",
          "make the operand types match, e.g. convert with int(...), double(...) or string(...)");
    }
    int at = SourcePositions.alignToName(text, offset, function);
    String readable = candidates == null ? null : TYPE_PARAMS.matcher(candidates).replaceAll("");
    String accepted =
        readable == null || readable.length() > 240 ? DOCS : "it accepts " + readable;
    return SourcePositions.errorAt(
        text, at, "function '" + function + "' cannot be applied to (" + args + ")", accepted);
  }

  /** CEL names operators like {@code _+_}, {@code !_}, {@code _[_]}; null for plain functions. */
  private static String operatorSymbol(String function) {
    if (!function.contains("_") || Character.isLetterOrDigit(function.charAt(0))) {
      return null;
    }
    return switch (function) {
      case "_[_]" -> "[]";
      case "_?_:_" -> "?:";
      default -> function.replace("_", "");
    };
  }

  private static boolean isSyntaxError(String message) {
    return message.startsWith("Syntax error")
        || message.contains("mismatched input")
        || message.contains("extraneous input")
        || message.contains("missing ")
        || message.contains("no viable alternative")
        || message.contains("token recognition error")
        || message.contains("Unsupported")
        || message.contains("reserved identifier");
  }
}
