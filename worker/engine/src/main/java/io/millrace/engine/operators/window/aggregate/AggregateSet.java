package io.millrace.engine.operators.window.aggregate;

import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.operators.RecordFailure;
import io.millrace.spec.expr.CompileResult;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.ExpressionCompiler;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.ExpressionScope;
import io.millrace.spec.expr.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The aggregates of one window-aggregate node, applied together to one accumulator row: an {@code
 * Object[]} with one accumulator per aggregate, in declaration order (null = the row is empty).
 *
 * <p>Not thread-safe: it keeps a scratch row so that adding a record allocates nothing beyond the
 * accumulator values themselves; one instance per operator instance.
 */
public final class AggregateSet {

  private final List<Aggregator> aggregators;
  private final Object[] scratch;
  private final List<String> slots;

  public AggregateSet(List<Aggregator> aggregators) {
    this(aggregators, aggregators.stream().map(a -> a.getClass().getSimpleName()).toList());
  }

  private AggregateSet(List<Aggregator> aggregators, List<String> slots) {
    if (aggregators.isEmpty()) {
      throw new IllegalArgumentException("a window-aggregate needs at least one aggregate");
    }
    this.aggregators = List.copyOf(aggregators);
    this.scratch = new Object[aggregators.size()];
    this.slots = List.copyOf(slots);
  }

  /**
   * The accumulator slots in order, e.g. {@code "count, sum(amount)"}: what a stored row's contents
   * mean. Names and reduce expressions are not part of it (the stored accumulators survive those).
   */
  public String slotLayout() {
    return String.join(", ", slots);
  }

  /**
   * Builds the aggregates from a node's {@code aggregates} setting (plan JSON: a list of {@code
   * {name, fn, field?, expression?}}); reduce expressions are compiled with {@code acc}/{@code value}.
   */
  public static AggregateSet fromSettings(List<?> settings, ExpressionCompiler compiler) {
    return build(settings, (name, text, scope) -> {
      CompileResult result = compiler.compile(text, scope, ExpressionKind.VALUE);
      if (result instanceof CompileResult.Failed failed) {
        throw new IllegalArgumentException("aggregate '" + name + "': reduce expression does not compile: "
            + failed.errors() + " (validate the spec first)");
      }
      return ((CompileResult.Compiled) result).expression();
    });
  }

  /**
   * Same, compiling reduce expressions through the operator's context, which types {@code acc} and
   * {@code value} from the plan's input type, so a typed input gets a typed program.
   */
  public static AggregateSet fromSettings(List<?> settings, OperatorContext context) {
    return build(settings, (name, text, scope) ->
        context.compile("aggregates." + name, text, scope, ExpressionKind.VALUE));
  }

  /** Compiles one reduce expression in its {@code acc}/{@code value}/{@code key} scope. */
  @FunctionalInterface
  public interface ReduceCompiler {
    CompiledExpression compile(String aggregateName, String expression, ExpressionScope scope);
  }

  private static AggregateSet build(List<?> settings, ReduceCompiler compiler) {
    List<Aggregator> aggregators = new ArrayList<>();
    List<String> slots = new ArrayList<>();
    for (Object entry : settings) {
      Map<?, ?> spec = (Map<?, ?>) entry;
      String name = (String) spec.get("name");
      String fn = (String) spec.get("fn");
      String field = (String) spec.get("field");
      slots.add(field == null ? fn : fn + "(" + field + ")");
      aggregators.add(switch (fn) {
        case "count" -> new CountAggregator(name);
        case "sum" -> new SumAggregator(name, field);
        case "avg" -> new AvgAggregator(name, field);
        case "min" -> new MinMaxAggregator(name, field, false);
        case "max" -> new MinMaxAggregator(name, field, true);
        case "first" -> new FirstLastAggregator(name, field, false);
        case "last" -> new FirstLastAggregator(name, field, true);
        case "reduce" -> reduce(name, (String) spec.get("expression"), compiler);
        default -> throw new IllegalArgumentException("aggregate '" + name + "': unknown fn '" + fn
            + "' (count, sum, avg, min, max, first, last, reduce)");
      });
    }
    return new AggregateSet(aggregators, slots);
  }

  /** A reduce: native for the "keep the larger/smaller one" selections, else CEL (always compiled, so errors surface). */
  private static Aggregator reduce(String name, String text, ReduceCompiler compiler) {
    CompiledExpression compiled = compileReduce(name, text, compiler);
    return SelectionReduceAggregator.recognize(name, text).<Aggregator>map(a -> a)
        .orElseGet(() -> new ReduceAggregator(name, compiled));
  }

  private static CompiledExpression compileReduce(String name, String text, ReduceCompiler compiler) {
    // Dynamic here; the context version types acc and value from the plan (see OperatorContext#compile).
    ExpressionScope scope = ExpressionScope.empty()
        .withRecord("acc", RecordType.dynamicRecord())
        .withRecord("value", RecordType.dynamicRecord())
        .withScalar("key", io.millrace.spec.expr.FieldType.ANY);
    return compiler.compile(name, text, scope);
  }

  public List<Aggregator> aggregators() {
    return aggregators;
  }

  public int size() {
    return aggregators.size();
  }

  /**
   * Adds a record to {@code row} (null = empty) and returns the updated row — the same array when
   * {@code row} was not null. All or nothing: when one aggregate fails, {@code row} is unchanged.
   */
  public Object[] add(Object[] row, Object value, long timestamp) throws RecordFailure {
    for (int i = 0; i < scratch.length; i++) {
      scratch[i] = aggregators.get(i).add(row == null ? null : row[i], value, timestamp);
    }
    Object[] target = row == null ? new Object[scratch.length] : row;
    System.arraycopy(scratch, 0, target, 0, scratch.length);
    return target;
  }

  /** Merges a later row into an earlier one; returns the merged row (a new array). */
  public Object[] merge(Object[] earlier, Object[] later) throws RecordFailure {
    if (earlier == null) {
      return later == null ? null : later.clone();
    }
    if (later == null) {
      return earlier.clone();
    }
    Object[] merged = new Object[aggregators.size()];
    for (int i = 0; i < merged.length; i++) {
      merged[i] = aggregators.get(i).merge(earlier[i], later[i]);
    }
    return merged;
  }

  /** Writes the result of every aggregate into {@code out}, by aggregate name. */
  public void results(Object[] row, Map<String, Object> out) {
    for (int i = 0; i < aggregators.size(); i++) {
      Aggregator a = aggregators.get(i);
      out.put(a.name(), a.result(row == null ? null : row[i]));
    }
  }
}
