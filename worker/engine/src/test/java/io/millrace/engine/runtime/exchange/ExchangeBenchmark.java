package io.millrace.engine.runtime.exchange;

import io.millrace.engine.api.StreamRecord;
import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.expr.CompileResult;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost per record of the in-worker exchange path, without the thread hand-off: partition (forward,
 * rebalance over 2 channels, or HASH by a typed key expression onto 2 channels), append to the
 * per-channel batch, enqueue full batches, then drain them through the consumer's {@link InputGate}.
 * One invocation moves {@value #RECORDS} records; the score is per record. The cross-thread cost
 * (wake-ups, cache traffic) is measured end to end by {@code PipelineThroughput} and the Nexmark suite.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExchangeBenchmark {

  static final int RECORDS = 4096;

  @Param({"forward", "rebalance", "hash"})
  public String partitioning;

  @Param({"256"})
  public int batchSize;

  private RecordWriter writer;
  private InputGate gate;
  private StreamRecord[] records;

  @Setup
  public void setUp() {
    int channels = partitioning.equals("forward") ? 1 : 2;
    List<Channel> out = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      // Room for a whole invocation, so the single benchmark thread never waits on itself.
      out.add(new Channel("bench-" + c, RECORDS / batchSize + 2));
    }
    Partitioner partitioner = switch (partitioning) {
      case "forward" -> new Partitioner.Forward(0);
      case "rebalance" -> new Partitioner.Rebalance(0, channels);
      case "hash" -> new Partitioner.Hash(auctionKey(), 128, channels);
      default -> throw new IllegalArgumentException(partitioning);
    };
    writer = new RecordWriter(out, partitioner, batchSize, BackpressureListener.NONE);
    gate = new InputGate(out, new int[channels]);
    records = new StreamRecord[RECORDS];
    for (int i = 0; i < RECORDS; i++) {
      Map<String, Object> bid = new LinkedHashMap<>();
      bid.put("auction", 1_000L + i % 997);
      bid.put("bidder", 2_000L + i % 31);
      bid.put("price", (long) (i * 13 % 5000));
      records[i] = new StreamRecord(bid, null, 1_700_000_000_000L + i);
    }
  }

  private static io.millrace.spec.expr.CompiledExpression auctionKey() {
    RecordType bids = RecordType.of(new LinkedHashMap<>(Map.of(
        "auction", FieldType.INT, "bidder", FieldType.INT, "price", FieldType.INT)));
    CompileResult result = new CelExpressionCompiler().compile("value.auction", bids, ExpressionKind.KEY);
    return ((CompileResult.Compiled) result).expression();
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void emitAndDrain(Blackhole sink) throws InterruptedException {
    for (StreamRecord record : records) {
      writer.emit(record);
    }
    writer.flushAll();
    Object element;
    while ((element = gate.next()) != null) {
      sink.consume(element);
    }
  }
}
