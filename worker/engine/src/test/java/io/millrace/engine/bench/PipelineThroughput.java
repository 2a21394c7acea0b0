package io.millrace.engine.bench;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.CommittableCodec;
import io.millrace.engine.connector.InputStatus;
import io.millrace.engine.connector.ReaderOutput;
import io.millrace.engine.connector.Sink;
import io.millrace.engine.connector.SinkWriter;
import io.millrace.engine.connector.SinkWriterContext;
import io.millrace.engine.connector.Source;
import io.millrace.engine.connector.SourceReader;
import io.millrace.engine.connector.SourceReaderContext;
import io.millrace.engine.connector.SourceSplit;
import io.millrace.engine.connector.SplitCodec;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.runtime.LocalJob;
import io.millrace.engine.testing.MiniCluster;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A rough throughput probe of the runtime (NOT part of the build; not the Nexmark suite): generated
 * bid-like records through a stateless spec pipeline into a discarding sink.
 *
 * <pre>
 * mvn -q -o -pl worker/engine test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp worker/engine/target/classes:worker/engine/target/test-classes:$(cat worker/engine/target/cp.txt) \
 *     io.millrace.engine.bench.PipelineThroughput 5000000
 * </pre>
 */
public final class PipelineThroughput {

  record Split(int index, long offset) implements SourceSplit {
    @Override
    public String splitId() {
      return "g" + index;
    }
  }

  /** Generates {@code perSplit} records per split on the fly. */
  static final class GeneratorSource implements Source<Split> {
    private final int splits;
    private final long perSplit;

    GeneratorSource(int splits, long perSplit) {
      this.splits = splits;
      this.perSplit = perSplit;
    }

    @Override
    public List<Split> discoverSplits() {
      List<Split> list = new ArrayList<>();
      for (int i = 0; i < splits; i++) {
        list.add(new Split(i, 0));
      }
      return list;
    }

    @Override
    public SourceReader<Split> createReader(SourceReaderContext context) {
      return new SourceReader<>() {
        final List<long[]> assigned = new ArrayList<>();

        @Override
        public void addSplits(List<Split> added) {
          added.forEach(s -> assigned.add(new long[] {s.index(), s.offset()}));
        }

        @Override
        public InputStatus pollNext(ReaderOutput output) {
          boolean any = false;
          for (long[] split : assigned) {
            long end = Math.min(perSplit, split[1] + 256);
            for (long i = split[1]; i < end; i++) {
              output.collect(Map.of("auction", i % 1000, "bidder", i % 7919, "price", i % 10_000,
                  "channel", "web", "dateTime", i), i);
            }
            split[1] = end;
            any |= end < perSplit;
          }
          return any ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
          return assigned.stream().map(s -> new Split((int) s[0], s[1])).toList();
        }
      };
    }

    @Override
    public SplitCodec<Split> splitCodec() {
      return new SplitCodec<>() {
        @Override
        public byte[] encode(Split split) {
          return ByteBuffer.allocate(12).putInt(split.index()).putLong(split.offset()).array();
        }

        @Override
        public Split decode(byte[] bytes) {
          ByteBuffer b = ByteBuffer.wrap(bytes);
          return new Split(b.getInt(), b.getLong());
        }
      };
    }

    @Override
    public boolean bounded() {
      return true;
    }
  }

  /** Counts and drops. */
  static final class DiscardingSink implements Sink<Long> {
    final LongAdder count = new LongAdder();

    @Override
    public SinkWriter<Long> createWriter(SinkWriterContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(StreamRecord record) {
          count.increment();
        }

        @Override
        public Long preCommit(long checkpointId) {
          return null;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public void commit(List<Long> committables) {}

    @Override
    public void recover(List<Long> restored) {}

    @Override
    public CommittableCodec<Long> committableCodec() {
      return new CommittableCodec<>() {
        @Override
        public byte[] encode(Long c) {
          return ByteBuffer.allocate(8).putLong(c).array();
        }

        @Override
        public Long decode(byte[] bytes) {
          return ByteBuffer.wrap(bytes).getLong();
        }
      };
    }
  }

  static final Map<String, String> SPECS = Map.of(
      "chained-map-filter", """
          - {id: bids, type: kafka-source, topic: bids, format: json}
          - {id: q1, type: map, inputs: [bids], expression: "{'auction': value.auction, 'price': value.price * 908 / 1000}"}
          - {id: q2, type: filter, inputs: [q1], expression: "value.auction % 123 == 0 || value.price > 10"}
          - {id: out, type: kafka-sink, inputs: [q2], topic: out, format: json}
          """,
      "filter-only", """
          - {id: bids, type: kafka-source, topic: bids, format: json}
          - {id: q2, type: filter, inputs: [bids], expression: "value.price > 10"}
          - {id: out, type: kafka-sink, inputs: [q2], topic: out, format: json}
          """,
      "keyed-exchange", """
          - {id: bids, type: kafka-source, topic: bids, format: json}
          - {id: by-auction, type: key-by, inputs: [bids], expression: "value.auction"}
          - {id: out, type: kafka-sink, inputs: [by-auction], topic: out, format: json}
          """);

  public static void main(String[] args) throws Exception {
    long total = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
    for (String name : args.length > 1 ? List.of(args[1].split(",")) : List.of("chained-map-filter", "filter-only", "keyed-exchange")) {
      for (int round = 0; round < 2; round++) {
        String spec = "apiVersion: millrace.io/v1\nkind: Pipeline\nmetadata: {name: bench}\nspec:\n"
            + "  parallelism: 2\n  nodes:\n" + SPECS.get(name).indent(4);
        DiscardingSink sink = new DiscardingSink();
        long start = System.nanoTime();
        LocalJob job = MiniCluster.forSpec(spec)
            .source("bids", new GeneratorSource(2, total / 2))
            .sink("out", sink)
            .config(JobConfig.defaults(Files.createTempDirectory("bench")))
            .start();
        job.result().get();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-20s round %d: %,d records out in %.2f s = %,.0f records/s in%n", name, round,
            sink.count.sum(), seconds, total / seconds);
      }
    }
  }
}
