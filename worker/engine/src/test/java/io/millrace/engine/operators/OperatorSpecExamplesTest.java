package io.millrace.engine.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.testing.MiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec examples that exercise windows and process nodes, run whole in the MiniCluster (several
 * parallel subtasks, HASH exchanges, watermarks from the sources) with this package's operators;
 * expected output computed independently by brute force.
 */
class OperatorSpecExamplesTest {

  private static final Path EXAMPLES = Path.of("..", "..", "pipeline-spec", "examples");

  @TempDir
  Path dir;

  private static String example(String name) throws Exception {
    return Files.readString(EXAMPLES.resolve(name + ".yaml"));
  }

  private JobConfig config(String name) {
    return JobConfig.defaults(dir.resolve(name)).withState(new HeapStateBackend(), new FileCheckpointStore(dir.resolve("store")));
  }

  private static long millis(Object time) {
    return ((Instant) time).toEpochMilli();
  }

  @Test
  void sensorAggregationComputesSlidingMinuteStatisticsEveryTenSeconds() throws Exception {
    long base = Instant.parse("2024-03-01T10:00:00Z").toEpochMilli();
    List<Object> readings = new ArrayList<>();
    Map<String, double[]> expected = new TreeMap<>(); // sensor@windowEnd -> sum, count, min, max
    for (int i = 0; i < 600; i++) {
      long t = base + i * 500L; // 5 min of event time
      String sensor = "s" + (i % 3);
      double temperature = 15 + (i * 37 % 100) / 10.0;
      readings.add(Map.of("sensorId", sensor, "temperature", temperature, "eventTime", Instant.ofEpochMilli(t)));
      for (long end = t - Math.floorMod(t, 10_000L) + 10_000L; end - 60_000L <= t; end += 10_000L) {
        double[] agg = expected.computeIfAbsent(sensor + "@" + end, k -> new double[] {0, 0, Double.MAX_VALUE, -Double.MAX_VALUE});
        agg[0] += temperature;
        agg[1]++;
        agg[2] = Math.min(agg[2], temperature);
        agg[3] = Math.max(agg[3], temperature);
      }
    }
    CollectingSink out = new CollectingSink();
    MiniCluster.forSpec(example("sensor-aggregation"))
        .operators(OperatorFactory.standard())
        .source("readings", CollectionSource.of(readings, 2))
        .sink("stats", out)
        .config(config("sensors"))
        .start().result().get(60, TimeUnit.SECONDS);
    Map<String, double[]> actual = new TreeMap<>();
    for (Object value : out.committedValues()) {
      Map<?, ?> w = (Map<?, ?>) value;
      assertThat(millis(w.get("windowEnd")) - millis(w.get("windowStart"))).isEqualTo(60_000L);
      double[] previous = actual.put(w.get("key") + "@" + millis(w.get("windowEnd")),
          new double[] {(Double) w.get("avgTemp"), (Double) w.get("minTemp"), (Double) w.get("maxTemp")});
      assertThat(previous).as("one result per sensor and window").isNull();
    }
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((k, agg) -> {
      assertThat(actual.get(k)[0]).as(k).isCloseTo(agg[0] / agg[1], org.assertj.core.data.Offset.offset(1e-9));
      assertThat(actual.get(k)[1]).as(k).isEqualTo(agg[2]);
      assertThat(actual.get(k)[2]).as(k).isEqualTo(agg[3]);
    });
  }

  @Test
  void anomalyDetectorAlertsOnTheThirdHighReadingInARow() throws Exception {
    long base = Instant.parse("2024-03-01T10:00:00Z").toEpochMilli();
    List<Object> metrics = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    Map<String, Integer> streaks = new TreeMap<>();
    for (int i = 0; i < 400; i++) {
      String host = "h" + (i % 4);
      double load = (i * 7919 % 13) < 9 ? 0.95 : 0.5;
      Instant at = Instant.ofEpochMilli(base + i * 1000L);
      metrics.add(Map.of("host", host, "load", load, "at", at));
      int streak = load > 0.9 ? streaks.getOrDefault(host, 0) + 1 : 0;
      streaks.put(host, streak);
      if (streak == 3) {
        expected.add(host + "@" + at);
      }
    }
    CollectingSink alerts = new CollectingSink();
    MiniCluster.forSpec(example("anomaly-detector"))
        .operators(OperatorFactory.standard())
        .source("metrics", CollectionSource.of(metrics, 1)) // one split: per-host order is the input order
        .sink("alerts", alerts)
        .config(config("anomaly"))
        .start().result().get(60, TimeUnit.SECONDS);
    List<String> actual = new ArrayList<>();
    for (StreamRecord r : alerts.committed()) {
      Map<?, ?> alert = (Map<?, ?>) r.value();
      actual.add(alert.get("host") + "@" + alert.get("at"));
    }
    assertThat(expected).isNotEmpty();
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }
  /** Nexmark q5: sliding counts per auction, then per window the hottest auction (two window stages). */
  @Test
  void nexmarkHotItemsFindsTheMostBidAuctionPerSlidingWindow() throws Exception {
    long base = 1_700_000_000_000L;
    List<Object> bids = new ArrayList<>();
    Map<Long, Map<Long, Long>> countsByWindowEnd = new TreeMap<>();
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 3_000; i++) {
      long t = base + i * 10L; // 30 s of event time
      long auction = random.nextInt(20);
      bids.add(Map.of("auction", auction, "price", (long) random.nextInt(1000), "dateTime", Instant.ofEpochMilli(t)));
      for (long end = t - Math.floorMod(t, 2_000L) + 2_000L; end - 10_000L <= t; end += 2_000L) {
        countsByWindowEnd.computeIfAbsent(end, e -> new TreeMap<>()).merge(auction, 1L, Long::sum);
      }
    }
    Map<Long, Long> expectedTop = new TreeMap<>();
    countsByWindowEnd.forEach((end, counts) -> expectedTop.put(end, counts.values().stream().max(Long::compare).orElseThrow()));
    CollectingSink out = new CollectingSink();
    MiniCluster.forSpec(example("nexmark/q5-hot-items").replace("parallelism: 4", "parallelism: 2"))
        .operators(OperatorFactory.standard())
        .source("bids", CollectionSource.of(bids, 2))
        .sink("out", out)
        .config(config("q5"))
        .start().result().get(60, TimeUnit.SECONDS);
    Map<Long, Long> actualTop = new TreeMap<>();
    for (Object value : out.committedValues()) {
      Map<?, ?> top = (Map<?, ?>) ((Map<?, ?>) value).get("top");
      long end = millis(top.get("windowEnd"));
      assertThat(countsByWindowEnd.get(end)).containsEntry((Long) top.get("key"), (Long) top.get("bids"));
      assertThat(actualTop.put(end, (Long) top.get("bids"))).as("one hottest auction per window").isNull();
    }
    assertThat(actualTop).isEqualTo(expectedTop);
  }
  /** Nexmark q7: the highest bid of each 10 s tumbling window (max + native selection reduce). */
  @Test
  void nexmarkHighestBidPerTumblingWindow() throws Exception {
    long base = 1_700_000_000_000L;
    List<Object> bids = new ArrayList<>();
    Map<Long, Long> maxByWindowStart = new TreeMap<>();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 4_000; i++) {
      long t = base + i * 10L;
      long price = random.nextInt(1_000_000);
      bids.add(Map.of("auction", (long) random.nextInt(50), "price", price, "dateTime", Instant.ofEpochMilli(t)));
      maxByWindowStart.merge(t - Math.floorMod(t, 10_000L), price, Math::max);
    }
    CollectingSink out = new CollectingSink();
    MiniCluster.forSpec(example("nexmark/q7-highest-bid").replace("parallelism: 4", "parallelism: 2"))
        .operators(OperatorFactory.standard())
        .source("bids", CollectionSource.of(bids, 2))
        .sink("out", out)
        .config(config("q7"))
        .start().result().get(60, TimeUnit.SECONDS);
    Map<Long, Long> actual = new TreeMap<>();
    for (Object value : out.committedValues()) {
      Map<?, ?> w = (Map<?, ?>) value;
      assertThat(((Map<?, ?>) w.get("bid")).get("price")).isEqualTo(w.get("maxPrice"));
      assertThat(actual.put(millis(w.get("windowStart")), (Long) w.get("maxPrice"))).isNull();
    }
    assertThat(actual).isEqualTo(maxByWindowStart);
  }

  /** Nexmark q8: persons who opened an auction in the 10 s window they registered in (window join). */
  @Test
  void nexmarkNewUsersJoinPersonsAndAuctionsPerTumblingWindow() throws Exception {
    long base = 1_700_000_000_000L;
    List<Object> persons = new ArrayList<>();
    List<Object> auctions = new ArrayList<>();
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (long p = 0; p < 300; p++) {
      long t = base + p * 100L;
      persons.add(Map.of("id", p, "name", "p" + p, "dateTime", Instant.ofEpochMilli(t)));
    }
    for (long a = 0; a < 600; a++) {
      long seller = a % 350; // sellers 300..349 never registered
      long t = base + a * 50L + (a % 7) * 100L; // out of order by < 1 s: within the sources' bound, nothing is late
      auctions.add(Map.of("id", a, "seller", seller, "reserve", a * 10, "dateTime", Instant.ofEpochMilli(t)));
      if (seller < 300) {
        long personTime = base + seller * 100L;
        if (personTime - Math.floorMod(personTime, 10_000L) == t - Math.floorMod(t, 10_000L)) {
          expected.add(seller + ":" + a * 10);
        }
      }
    }
    CollectingSink out = new CollectingSink();
    MiniCluster.forSpec(example("nexmark/q8-new-users").replace("parallelism: 4", "parallelism: 2"))
        .operators(OperatorFactory.standard())
        .source("persons", CollectionSource.of(persons, 2))
        .source("auctions", CollectionSource.of(auctions, 2))
        .sink("out", out)
        .config(config("q8"))
        .start().result().get(60, TimeUnit.SECONDS);
    java.util.Set<String> actual = new java.util.TreeSet<>();
    for (Object value : out.committedValues()) {
      Map<?, ?> joined = (Map<?, ?>) value;
      assertThat(joined.get("name")).isEqualTo("p" + joined.get("id"));
      assertThat(actual.add(joined.get("id") + ":" + joined.get("reserve"))).as("each pair once").isTrue();
    }
    assertThat(actual).isNotEmpty().isEqualTo(expected);
  }
}
