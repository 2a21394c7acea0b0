package io.millrace.engine.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.engine.api.DeadLetters;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.runtime.LocalJob;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.testing.MiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec examples of pipeline-spec, run whole in the MiniCluster with every operator kind
 * ({@link OperatorFactory}), bounded in-memory sources and exactly-once collecting sinks; expected
 * output is computed independently in each test.
 */
class SpecExamplesTest {

  static final Path EXAMPLES = Path.of("..", "..", "pipeline-spec", "examples");

  @TempDir Path dir;

  static String example(String name) throws Exception {
    return Files.readString(EXAMPLES.resolve(name + ".yaml"));
  }

  JobConfig config(String name) {
    return JobConfig.defaults(dir.resolve(name))
        .withState(new HeapStateBackend(), new FileCheckpointStore(dir.resolve("store")));
  }

  static long millis(Object time) {
    return time instanceof Instant instant ? instant.toEpochMilli() : ((Number) time).longValue();
  }

  static List<CollectionSource.Element> wordLines() {
    String[] vocabulary = {"Apple", "banana", "apple", "cherry", "BANANA", "date"};
    List<CollectionSource.Element> lines = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      String line = vocabulary[i % 6] + " " + vocabulary[(i * 7) % 6] + " " + vocabulary[(i / 5) % 6];
      lines.add(new CollectionSource.Element(line, 1_700_000_000_000L + i * 70L)); // ~42 s of event time
    }
    return lines;
  }

  /** word@windowStart → count, for windows with count > 5 — what word-count must output. */
  static Map<String, Long> expectedWordCounts(List<CollectionSource.Element> lines) {
    Map<String, Long> counts = new TreeMap<>();
    for (CollectionSource.Element line : lines) {
      for (String word : ((String) line.value()).split(" ")) {
        long start = line.timestamp() - Math.floorMod(line.timestamp(), 10_000L);
        counts.merge(word.toLowerCase() + "@" + start, 1L, Long::sum);
      }
    }
    counts.values().removeIf(c -> c <= 5);
    return counts;
  }

  static Map<String, Long> wordCounts(CollectingSink sink) {
    Map<String, Long> counts = new TreeMap<>();
    for (Object value : sink.committedValues()) {
      Map<?, ?> window = (Map<?, ?>) value;
      Object previous = counts.put(window.get("key") + "@" + millis(window.get("windowStart")),
          (Long) window.get("count"));
      assertThat(previous).as("each window is emitted once").isNull();
    }
    return counts;
  }

  @Test
  void wordCountCountsWordsPerTumblingWindow() throws Exception {
    List<CollectionSource.Element> lines = wordLines();
    CollectingSink out = new CollectingSink();
    MiniCluster.forSpec(example("word-count"))
        .operators(OperatorFactory.standard())
        .source("lines", CollectionSource.ofElements(lines, 4))
        .sink("out", out)
        .config(config("wc"))
        .start().result().get(60, TimeUnit.SECONDS);
    assertThat(wordCounts(out)).isNotEmpty().isEqualTo(expectedWordCounts(lines));
  }

  @Test
  void wordCountStoppedWithASavepointMidRunAndRestoredAtAnotherParallelismGivesTheSameOutput() throws Exception {
    List<CollectionSource.Element> lines = wordLines();
    CollectionSource source = CollectionSource.ofElements(lines, 4);
    CollectingSink out = new CollectingSink();
    source.releaseUpTo(80);
    LocalJob first = MiniCluster.forSpec(example("word-count"))
        .operators(OperatorFactory.standard())
        .source("lines", source).sink("out", out).config(config("first"))
        .start();
    await().atMost(Duration.ofSeconds(30)).until(() -> first.tasks().stream()
        .filter(t -> t.id().chain().equals("lines")).mapToLong(t -> t.metrics().recordsIn()).sum() == 320);
    CompletedCheckpoint savepoint = first.checkpoints().triggerSavepoint().get(30, TimeUnit.SECONDS);
    first.cancel();
    try {
      first.result().get(30, TimeUnit.SECONDS);
    } catch (CancellationException expected) {
      // stopped with a savepoint
    }
    source.releaseAll();
    String rescaled = example("word-count").replace("parallelism: 2", "parallelism: 3");
    MiniCluster.forSpec(rescaled)
        .operators(OperatorFactory.standard())
        .source("lines", source).sink("out", out).config(config("second"))
        .restore(savepoint).result().get(60, TimeUnit.SECONDS);
    assertThat(wordCounts(out)).isEqualTo(expectedWordCounts(lines));
  }

  @Test
  void errorFilterRoutesErrorsAndSendsUnreadableRecordsToTheDeadLetterSink() throws Exception {
    List<Object> logs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      logs.add(i % 10 == 0 ? Map.of("msg", "no level " + i)
          : Map.of("level", i % 3 == 0 ? "ERROR" : "INFO", "msg", "m" + i));
    }
    CollectingSink alerts = new CollectingSink();
    CollectingSink unreadable = new CollectingSink();
    MiniCluster.forSpec(example("error-filter"))
        .operators(OperatorFactory.standard())
        .source("logs", CollectionSource.of(logs, 3))
        .sink("alerts", alerts).sink("unreadable", unreadable)
        .config(config("ef"))
        .start().result().get(60, TimeUnit.SECONDS);
    assertThat(alerts.committedValues()).containsExactlyInAnyOrderElementsOf(logs.stream()
        .filter(l -> "ERROR".equals(((Map<?, ?>) l).get("level"))).toList());
    assertThat(unreadable.committedValues()).hasSize(30).allSatisfy(v -> {
      Map<?, ?> dead = (Map<?, ?>) v;
      assertThat(dead.get(DeadLetters.NODE)).isEqualTo("errors");
      assertThat((String) dead.get(DeadLetters.REASON)).contains("level");
      assertThat(((Map<?, ?>) dead.get(DeadLetters.RECORD)).get("msg").toString()).startsWith("no level");
    });
  }

  @Test
  void fanOutSendsEveryOrderToEveryConsumer() throws Exception {
    List<Object> orders = new ArrayList<>();
    for (long i = 0; i < 200; i++) {
      orders.add(Map.of("id", i, "amount", i * 10, "country", i % 2 == 0 ? "DE" : "FR"));
    }
    CollectingSink archive = new CollectingSink();
    CollectingSink large = new CollectingSink();
    CollectingSink byCountry = new CollectingSink();
    MiniCluster.forSpec(example("fan-out"))
        .operators(OperatorFactory.standard())
        .source("orders", CollectionSource.of(orders, 2))
        .sink("archive", archive).sink("large-orders", large).sink("by-country", byCountry)
        .config(config("fo"))
        .start().result().get(60, TimeUnit.SECONDS);
    assertThat(archive.committedValues()).containsExactlyInAnyOrderElementsOf(orders);
    assertThat(byCountry.committedValues()).containsExactlyInAnyOrderElementsOf(orders);
    assertThat(large.committedValues()).containsExactlyInAnyOrderElementsOf(orders.stream()
        .filter(o -> (Long) ((Map<?, ?>) o).get("amount") >= 1000).toList());
  }

  @Test
  void deduplicationKeepsTheFirstRecordOfEachPayment() throws Exception {
    List<CollectionSource.Element> payments = new ArrayList<>();
    for (long i = 0; i < 400; i++) {
      payments.add(new CollectionSource.Element(Map.of("paymentId", i % 150, "attempt", i), 1_000_000 + i));
    }
    CollectingSink out = new CollectingSink();
    MiniCluster.forSpec(example("deduplication"))
        .operators(OperatorFactory.standard())
        .source("payments", CollectionSource.ofElements(payments, 1))
        .sink("out", out)
        .config(config("dd"))
        .start().result().get(60, TimeUnit.SECONDS);
    assertThat(out.committedValues()).hasSize(150);
    Map<Object, List<Object>> byId = out.committedValues().stream()
        .collect(Collectors.groupingBy(v -> ((Map<?, ?>) v).get("paymentId")));
    byId.forEach((id, records) -> assertThat(((Map<?, ?>) records.get(0)).get("attempt")).isEqualTo(id));
  }

  @Test
  void categoryCounterCountsPerCategoryAndEventTimeWindow() throws Exception {
    String[] categories = {"books", "games", "garden"};
    List<Object> events = new ArrayList<>();
    Map<String, Long> expected = new TreeMap<>();
    long base = Instant.parse("2024-03-01T10:00:00Z").toEpochMilli();
    for (int i = 0; i < 500; i++) {
      long time = base + i * 250L; // ~2 min of event time
      String category = categories[(i * i) % 3];
      events.add(Map.of("time", Instant.ofEpochMilli(time).toString(), "category", category));
      expected.merge(category + "@" + (time - Math.floorMod(time, 30_000L)), 1L, Long::sum);
    }
    CollectingSink out = new CollectingSink();
    MiniCluster.forSpec(example("category-counter"))
        .operators(OperatorFactory.standard())
        .source("events", CollectionSource.of(events, 2))
        .sink("out", out)
        .config(config("cc"))
        .start().result().get(60, TimeUnit.SECONDS);
    Map<String, Long> actual = new TreeMap<>();
    for (StreamRecord record : out.committed()) {
      Map<?, ?> window = (Map<?, ?>) record.value();
      actual.put(window.get("key") + "@" + millis(window.get("windowStart")), (Long) window.get("events"));
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void intervalJoinAttributesClicksToEarlierImpressionsAcrossTwoAlignedInputs() throws Exception {
    long base = Instant.parse("2024-03-01T10:00:00Z").toEpochMilli();
    List<Object> impressions = new ArrayList<>();
    List<Object> clicks = new ArrayList<>();
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (int i = 0; i < 200; i++) {
      long shown = base + i * 60_000L; // one impression per minute, ad i % 5
      String ad = "ad" + (i % 5);
      impressions.add(Map.of("adId", ad, "shownAt", Instant.ofEpochMilli(shown).toString()));
    }
    for (int i = 0; i < 100; i++) {
      long clicked = base + i * 90_000L + 30_000L;
      String ad = "ad" + (i % 5);
      clicks.add(Map.of("adId", ad, "userId", "u" + i, "clickedAt", Instant.ofEpochMilli(clicked).toString()));
      for (int j = 0; j < 200; j++) {
        long shown = base + j * 60_000L;
        if (("ad" + (j % 5)).equals(ad) && shown >= clicked - 600_000L && shown <= clicked) {
          expected.add("u" + i + "<-" + Instant.ofEpochMilli(shown));
        }
      }
    }
    CollectingSink out = new CollectingSink();
    MiniCluster.forSpec(example("interval-join"))
        .operators(OperatorFactory.standard())
        .source("clicks", CollectionSource.of(clicks, 2))
        .source("impressions", CollectionSource.of(impressions, 2))
        .sink("out", out)
        .config(config("ij"))
        .start().result().get(60, TimeUnit.SECONDS);
    java.util.Set<String> actual = new java.util.TreeSet<>();
    for (Object value : out.committedValues()) {
      Map<?, ?> pair = (Map<?, ?>) value;
      assertThat(actual.add(pair.get("user") + "<-" + pair.get("shownAt"))).as("each pair once").isTrue();
    }
    assertThat(actual).isNotEmpty().isEqualTo(expected);
  }
}
