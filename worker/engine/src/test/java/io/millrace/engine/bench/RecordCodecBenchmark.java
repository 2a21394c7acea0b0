package io.millrace.engine.bench;

import io.millrace.engine.serialization.BinaryReader;
import io.millrace.engine.serialization.BinaryWriter;
import io.millrace.engine.serialization.RecordCodec;
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

/** Encode / decode of a Nexmark-bid-sized record (7 fields, ~100 bytes encoded). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordCodecBenchmark {

  private Map<String, Object> bid;
  private final BinaryWriter writer = new BinaryWriter(256);
  private final BinaryReader reader = new BinaryReader(new byte[0]);
  private byte[] encoded;

  @Setup
  public void setUp() {
    bid = new LinkedHashMap<>();
    bid.put("auction", 1_000_123L);
    bid.put("bidder", 2_001_456L);
    bid.put("price", 4_711L);
    bid.put("channel", "Google");
    bid.put("url", "https://www.nexmark.com/abc/def/item.htm?query=1&channel_id=123");
    bid.put("dateTime", 1_700_000_000_123L);
    bid.put("extra", "aaaaaaaaaabbbbbbbbbb");
    RecordCodec.encode(bid, writer);
    encoded = writer.toByteArray();
  }

  @Benchmark
  public int encodeBid() {
    writer.reset();
    RecordCodec.encode(bid, writer);
    return writer.position();
  }

  @Benchmark
  public Object decodeBid() {
    reader.reset(encoded, 0, encoded.length);
    return RecordCodec.decode(reader);
  }
}
