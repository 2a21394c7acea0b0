package io.millrace.engine.runtime.task;

import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.OperatorMetrics;
import io.millrace.engine.api.OperatorSetupException;
import io.millrace.engine.api.ProcessingTimeService;
import io.millrace.engine.api.TimerService;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.spec.expr.CompileResult;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.ExpressionCompiler;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.ExpressionScope;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.plan.JobVertex;
import io.millrace.spec.plan.KeyGroupRange;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@link OperatorContext} of one operator subtask inside a task (or inside the test harness). */
public final class RuntimeOperatorContext implements OperatorContext {

  private final JobVertex vertex;
  private final int subtaskIndex;
  private final int maxParallelism;
  private final KeyGroupRange keyGroups;
  private final ExpressionCompiler compiler;
  private final KeyedStateBackend backend;
  private final TimerService timers;
  private final ProcessingTimeService clock;
  private final OperatorMetrics metrics;
  private final List<byte[]> restoredState;
  private final boolean restored;
  private final PlanScopes scopes;

  /**
   * @param backend the task's keyed backend, or null (non-keyed operator, or no backend configured)
   * @param timers timers of the current key, or null when the operator cannot have timers
   * @param restoredState operator-state entries for this subtask; {@code restored} says whether the
   *     task starts from a checkpoint at all
   */
  public RuntimeOperatorContext(JobVertex vertex, int subtaskIndex, int maxParallelism, KeyGroupRange keyGroups,
      ExpressionCompiler compiler, KeyedStateBackend backend, TimerService timers, ProcessingTimeService clock,
      OperatorMetrics metrics, List<byte[]> restoredState, boolean restored) {
    this.vertex = vertex;
    this.subtaskIndex = subtaskIndex;
    this.maxParallelism = maxParallelism;
    this.keyGroups = keyGroups == null ? new KeyGroupRange(0, maxParallelism - 1) : keyGroups;
    this.compiler = compiler;
    this.backend = backend;
    this.timers = timers;
    this.clock = clock;
    this.metrics = metrics;
    this.restoredState = List.copyOf(restoredState);
    this.restored = restored;
    this.scopes = new PlanScopes(vertex);
  }

  @Override
  public String nodeId() {
    return vertex.id();
  }

  @Override
  public String kind() {
    return vertex.kind();
  }

  @Override
  public int subtaskIndex() {
    return subtaskIndex;
  }

  @Override
  public int parallelism() {
    return vertex.parallelism();
  }

  @Override
  public int maxParallelism() {
    return maxParallelism;
  }

  @Override
  public boolean keyed() {
    return vertex.keyed();
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return keyGroups;
  }

  @Override
  public Map<String, Object> settings() {
    return vertex.settings();
  }

  @Override
  public ExpressionCompiler expressionCompiler() {
    return compiler;
  }

  @Override
  public CompiledExpression compile(String setting, String expression, ExpressionKind kind) {
    return compileIn(setting, expression, scopes.usual(setting), kind);
  }

  @Override
  public CompiledExpression compile(String setting, String expression, ExpressionScope scope, ExpressionKind kind) {
    return compileIn(setting, expression, scopes.typed(scope), kind);
  }

  @Override
  public RecordType inputType(int input) {
    return vertex.inputType(input);
  }

  private CompiledExpression compileIn(String setting, String expression, ExpressionScope scope, ExpressionKind kind) {
    if (expression == null) {
      throw new OperatorSetupException(nodeId(), "setting '" + setting + "' is missing; add it to the node");
    }
    CompileResult result = compiler.compile(expression, scope, kind);
    if (result instanceof CompileResult.Compiled compiled) {
      return compiled.expression();
    }
    String errors = ((CompileResult.Failed) result).errors().stream()
        .map(e -> e.line() + ":" + e.column() + " " + e.message() + (e.hint() == null ? "" : " (" + e.hint() + ")"))
        .collect(Collectors.joining("; "));
    throw new OperatorSetupException(nodeId(), "setting '" + setting + "' = `" + expression + "` does not compile: "
        + errors + "; validate the spec with `SpecCli validate` to see it located in the file");
  }

  @Override
  public KeyedStateBackend keyedStateBackend() {
    if (!vertex.keyed()) {
      throw new IllegalStateException("node '" + nodeId() + "' is not keyed: keyed state needs a keyed input "
          + "(keyBy or a key-by node before it)");
    }
    if (backend == null) {
      throw new IllegalStateException("node '" + nodeId() + "' needs keyed state but the job runs without a "
          + "state backend; configure one (heap or rocksdb)");
    }
    return backend;
  }

  @Override
  public TimerService timerService() {
    if (timers == null) {
      throw new IllegalStateException("node '" + nodeId() + "' cannot use timers: timers are kept in keyed "
          + "state, so the node must be keyed and the job needs a state backend");
    }
    return timers;
  }

  @Override
  public ProcessingTimeService processingTimeService() {
    return clock;
  }

  @Override
  public OperatorMetrics metrics() {
    return metrics;
  }

  @Override
  public List<byte[]> restoredOperatorState() {
    return restoredState;
  }

  @Override
  public boolean isRestored() {
    return restored;
  }
}
