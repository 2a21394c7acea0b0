package io.millrace.spec.expr;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import io.millrace.spec.expr.fast.FastTreeBuilder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles Millrace expressions with CEL (dev.cel:cel): parse, type-check against the scope's
 * variables, check the result type for the {@link ExpressionKind}, and plan the program once.
 *
 * <p>The environment is CEL's standard library and macros, the CEL extensions {@code strings},
 * {@code regex}, {@code math} and {@code optional}, and {@link
 * MillraceFunctions}, under {@link ExpressionLimits}. Thread-safe: it holds only immutable CEL
 * objects. Never throws for any expression text.
 *
 * <p>Expressions in the typed fast path's subset ({@link FastTreeBuilder}) are evaluated by a tree
 * of small Java nodes instead of the CEL interpreter, with the same results and failures; the
 * {@link EvaluationStrategy} can turn that off to compare.
 */
public final class CelExpressionCompiler implements ExpressionCompiler {

  private static final List<String> STANDARD_FUNCTIONS =
      List.of("size", "contains", "startsWith", "endsWith", "matches", "int", "uint", "double",
          "string", "bytes", "bool", "timestamp", "duration", "dyn", "type", "has", "all",
          "exists", "exists_one", "map", "filter", "getFullYear", "getMonth", "getDayOfYear",
          "getDayOfMonth", "getDate", "getDayOfWeek", "getHours", "getMinutes", "getSeconds",
          "getMilliseconds");

  private final ExpressionLimits limits;
  private final EvaluationStrategy strategy;
  private final Cel base;
  private final Set<String> functionNames;
  /**
   * The base environment extended by each scope seen, because building a CEL environment
   * (declarations, overloads, function bindings) costs far more than checking one expression, and
   * a control plane validating every submitted spec sees the same few scopes again and again.
   * Bounded: cleared when it outgrows {@link #MAX_CACHED_SCOPES} (schemas are user data).
   */
  private final Map<ExpressionScope, Cel> environments = new ConcurrentHashMap<>();

  private static final int MAX_CACHED_SCOPES = 256;

  /**
   * Results by expression, scope and kind. Type-checking one expression rebuilds CEL's standard
   * declarations (its checker does, per call): about a millisecond. Specs are re-submitted with few
   * changes (apply from git, a console saving a draft), so most expressions were compiled before. A
   * result is immutable (programs and fast-path trees hold no per-evaluation state), so sharing it
   * is safe. Bounded like {@link #environments}.
   */
  private final Map<CompileKey, CompileResult> results = new ConcurrentHashMap<>();

  private static final int MAX_CACHED_RESULTS = 2048;

  private record CompileKey(String expression, ExpressionScope scope, ExpressionKind kind) {}

  public CelExpressionCompiler() {
    this(ExpressionLimits.defaults());
  }

  public CelExpressionCompiler(ExpressionLimits limits) {
    this(limits, EvaluationStrategy.FAST_PATH_WHEN_SUPPORTED);
  }

  /** With an explicit strategy: {@link EvaluationStrategy#CEL_INTERPRETER} to compare against CEL. */
  public CelExpressionCompiler(ExpressionLimits limits, EvaluationStrategy strategy) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    CelOptions options =
        CelOptions.current()
            // Timestamps as java.time.Instant, durations as java.time.Duration, bytes as
            // CelByteString: the record model's types, not protobuf wrappers.
            .evaluateCanonicalTypesToNativeValues(true)
            // Schemaless JSON numbers arrive as int or double: let 150.0 > 100 just work.
            .enableHeterogeneousNumericComparisons(true)
            .maxExpressionCodePointSize(limits.maxLength())
            .maxParseRecursionDepth(limits.maxNestingDepth())
            .comprehensionMaxIterations(limits.maxComprehensionIterations())
            .maxRegexProgramSize(limits.maxRegexProgramSize())
            .build();
    MillraceFunctions millrace = new MillraceFunctions(limits);
    this.base =
        CelFactory.standardCelBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(
                CelExtensions.strings(),
                CelExtensions.regex(),
                CelExtensions.math(options),
                CelExtensions.optional(),
                millrace)
            .addRuntimeLibraries(
                CelExtensions.strings(),
                CelExtensions.regex(),
                CelExtensions.math(options),
                CelExtensions.optional(),
                millrace)
            .build();
    Set<String> names = new TreeSet<>(STANDARD_FUNCTIONS);
    CelExtensions.getAllFunctionNames().stream()
        .filter(name -> !name.contains("@"))
        .forEach(names::add);
    names.addAll(MillraceFunctions.NAMES);
    this.functionNames = Set.copyOf(names);
  }

  private Cel environmentFor(ExpressionScope scope) {
    Cel cel = environments.get(scope);
    if (cel == null) {
      cel = ScopeEnvironment.extend(base, scope);
      if (environments.size() >= MAX_CACHED_SCOPES) {
        environments.clear();
      }
      environments.putIfAbsent(scope, cel);
    }
    return cel;
  }

  /** The limits this compiler enforces (and its programs run under). */
  public ExpressionLimits limits() {
    return limits;
  }

  @Override
  public CompileResult compile(String expression, ExpressionScope scope, ExpressionKind kind) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(kind, "kind");
    if (expression == null || expression.isBlank()) {
      return failed(SourcePositions.errorAt(
          expression == null ? "" : expression, 0, "the expression is empty",
          "write a CEL expression, e.g. " + example(kind)));
    }
    CompileKey key = new CompileKey(expression, scope, kind);
    CompileResult cached = results.get(key);
    if (cached != null) {
      return cached;
    }
    CompileResult result = compileUncached(expression, scope, kind);
    if (results.size() >= MAX_CACHED_RESULTS) {
      results.clear();
    }
    results.putIfAbsent(key, result);
    return result;
  }

  private CompileResult compileUncached(String expression, ExpressionScope scope, ExpressionKind kind) {
    try {
      return compileChecked(expression, scope, kind);
    } catch (RuntimeException | StackOverflowError e) {
      // CEL raised something instead of reporting an issue; the caller still gets a located
      // error, never an exception.
      return failed(SourcePositions.errorAt(
          expression, SourcePositions.firstToken(expression),
          "the expression cannot be compiled: " + e,
          "simplify the expression; see pipeline-spec/docs/expressions.md"));
    }
  }

  private CompileResult compileChecked(String expression, ExpressionScope scope, ExpressionKind kind)
      throws StackOverflowError {
    Cel cel = environmentFor(scope);
    CelValidationResult result = cel.compile(expression);
    if (result.hasError()) {
      Optional<CelExpr> parsed = parsedTree(cel, expression);
      return new CompileResult.Failed(
          new IssueTranslator(expression, scope, parsed, functionNames, limits)
              .translate(result.getErrors()));
    }
    CelAbstractSyntaxTree ast;
    try {
      ast = result.getAst();
    } catch (dev.cel.common.CelValidationException e) {
      return failed(SourcePositions.errorAt(expression, 0, e.getMessage(), null));
    }
    int nodes = AstNodes.count(ast.getExpr());
    if (nodes > limits.maxAstNodes()) {
      return failed(SourcePositions.errorAt(
          expression, SourcePositions.firstToken(expression),
          "the expression is too large: " + nodes + " nodes after macro expansion (limit "
              + limits.maxAstNodes() + ")",
          "split the work over several nodes"));
    }
    Optional<String[]> violation = ResultTypeRule.violation(kind, ast.getResultType());
    if (violation.isPresent()) {
      return failed(SourcePositions.errorAt(
          expression, SourcePositions.firstToken(expression),
          violation.get()[0], violation.get()[1]));
    }
    CompiledExpression program;
    try {
      program = new CelCompiledExpression(
          expression, kind, cel.createProgram(ast), scope, ValueFieldUsage.fieldsRead(ast.getExpr()));
    } catch (dev.cel.common.CelException e) {
      return failed(SourcePositions.errorAt(
          expression, SourcePositions.firstToken(expression), e.getMessage(), null));
    }
    return new CompileResult.Compiled(fastPathOrProgram(ast, scope, kind, program));
  }

  /** The fast path when the strategy allows it and the expression is in its subset, else the program. */
  private CompiledExpression fastPathOrProgram(
      CelAbstractSyntaxTree ast, ExpressionScope scope, ExpressionKind kind, CompiledExpression program) {
    if (strategy != EvaluationStrategy.FAST_PATH_WHEN_SUPPORTED) {
      return program;
    }
    if (!hasRecordVariablesOnly(scope)) {
      return FastTreeBuilder.buildScoped(ast, scope.variables(), kind)
          .<CompiledExpression>map(tree -> new ScopedFastExpression(tree, kind, program))
          .orElse(program);
    }
    RecordType value = ((ExpressionScope.Variable.Record) scope.variables().get(ExpressionScope.VALUE)).type();
    return FastTreeBuilder.build(ast, value, kind)
        .<CompiledExpression>map(tree -> new FastCompiledExpression(tree, kind, program))
        .orElse(program);
  }

  /**
   * The usual variables (a {@code value} record, {@code key}, {@code timestamp}), which {@link
   * CompiledExpression#evaluate(Object, Object, long)} passes as arguments; any other scope is
   * evaluated with explicit variables ({@link ScopedFastExpression}).
   */
  private static boolean hasRecordVariablesOnly(ExpressionScope scope) {
    return scope.variables().get(ExpressionScope.VALUE) instanceof ExpressionScope.Variable.Record record
        && scope.equals(ExpressionScope.forRecord(record.type()));
  }

  private static Optional<CelExpr> parsedTree(Cel cel, String expression) {
    CelValidationResult parsed = cel.parse(expression);
    if (parsed.hasError()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parsed.getAst().getExpr());
    } catch (dev.cel.common.CelValidationException e) {
      return Optional.empty();
    }
  }

  private static CompileResult failed(ExpressionError error) {
    return new CompileResult.Failed(List.of(error));
  }

  private static String example(ExpressionKind kind) {
    return switch (kind) {
      case PREDICATE -> "value.amount > 100";
      case VALUE -> "{'user': value.user, 'total': value.price * value.quantity}";
      case LIST -> "value.text.split(' ')";
      case KEY -> "value.userId";
      case TIMESTAMP -> "timestamp(value.eventTime)";
    };
  }
}
