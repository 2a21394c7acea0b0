package io.millrace.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
}
