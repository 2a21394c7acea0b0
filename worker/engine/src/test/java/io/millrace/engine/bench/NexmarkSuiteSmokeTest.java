package io.millrace.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.api.ProcessingTimeService;
import io.millrace.engine.connector.InputStatus;
import io.millrace.engine.connector.SourceReader;
import io.millrace.engine.connector.SourceReaderContext;
import io.millrace.engine.connector.datagen.DatagenSource;
import io.millrace.engine.connector.datagen.DatagenSplit;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's plumbing on 20k events (in {@code mvn verify}; the measurements are NOT). */
class NexmarkSuiteSmokeTest {

  @TempDir
  Path dir;

  @Test
  void q0PassesEveryBidThroughAndTimesSomeOfThem() throws Exception {
    NexmarkRunner.Result result = new NexmarkRunner(dir, Duration.ofSeconds(10))
        .run("q0", Files.readString(NexmarkSuite.examples().resolve("q0-pass-through.yaml")), 20_000, 0);
    assertThat(result.recordsOut()).isEqualTo(18_400); // 46 bids in every 50 events
    assertThat(result.latencyMicros()).isNotNull();
    long sampledBids = java.util.stream.LongStream.iterate(0, i -> i < 20_000, i -> i + 1024).filter(i -> i % 50 >= 4).count();
    assertThat(result.latencyMicros().getTotalCount()).isEqualTo(sampledBids);
  }

  @Test
  void q5EmitsOneHottestAuctionPerSlideWithTheBruteForceCount() throws Exception {
    NexmarkRunner.Result result = new NexmarkRunner(dir, Duration.ofSeconds(10))
        .run("q5", Files.readString(NexmarkSuite.examples().resolve("q5-hot-items.yaml")), 20_000, 0);
    // 20k events span 0.2 s of event time from a 2 s-aligned base: in 10 s windows sliding by 2 s, 5 windows
    // hold all of them; the hottest stage emits one record per window
    assertThat(result.recordsOut()).isEqualTo(5);
    assertThat(result.events()).isEqualTo(20_000);
    assertThat(maxBidsPerAuction(20_000)).isGreaterThan(1); // the generator really skews (what q5 looks for)
  }

  private static long maxBidsPerAuction(long events) throws Exception {
    DatagenSource source = DatagenSource.fromSettings("bids",
        Map.of("generator", "nexmark", "nexmark", Map.of("stream", "bid"), "seed", 42L)).withRate(0).withCount(events);
    Map<Object, Long> perAuction = new HashMap<>();
    try (SourceReader<DatagenSplit> reader = source.createReader(
        new SourceReaderContext("bids", 0, 1, Map.of(), ProcessingTimeService.system()))) {
      reader.addSplits(source.discoverSplits());
      while (reader.pollNext((value, ts) -> perAuction.merge(((Map<?, ?>) value).get("auction"), 1L, Long::sum))
          != InputStatus.END_OF_INPUT) {
        // drain
      }
    }
    return perAuction.values().stream().mapToLong(Long::longValue).max().orElseThrow();
  }
}
