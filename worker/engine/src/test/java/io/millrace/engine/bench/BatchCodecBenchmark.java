package io.millrace.engine.bench;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.runtime.exchange.Batch;
import io.millrace.engine.runtime.network.BatchCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Network encoding of one exchange batch: 256 keyed Nexmark-bid-like records (the default batch size). Divide
 * by 256 for the cost per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BatchCodecBenchmark {

  private final BatchCodec codec = new BatchCodec();
  private Batch batch;
  private byte[] frame;

  @Setup
  public void setUp() {
    Object[] elements = new Object[256];
    for (int i = 0; i < elements.length; i++) {
      Map<String, Object> bid = new LinkedHashMap<>();
      bid.put("auction", 1_000_000L + i % 97);
      bid.put("bidder", 2_001_456L + i);
      bid.put("price", 4_711L + i);
      bid.put("channel", "Google");
      bid.put("url", "https://www.nexmark.com/abc/def/item.htm?query=1&channel_id=123");
      bid.put("dateTime", 1_700_000_000_123L + i);
      bid.put("extra", "aaaaaaaaaabbbbbbbbbb");
      elements[i] = new StreamRecord(bid, 1_000_000L + i % 97, 1_700_000_000_123L + i);
    }
    batch = new Batch(elements, elements.length);
    frame = codec.encode(batch);
  }

  @Benchmark
  public byte[] encodeBatch() {
    return codec.encode(batch);
  }

  @Benchmark
  public Batch decodeBatch() {
    return BatchCodec.decode(frame);
  }
}
