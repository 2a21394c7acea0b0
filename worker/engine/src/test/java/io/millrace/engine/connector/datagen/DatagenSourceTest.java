package io.millrace.engine.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.api.ProcessingTimeService;
import io.millrace.engine.connector.InputStatus;
import io.millrace.engine.connector.SourceReader;
import io.millrace.engine.connector.SourceReaderContext;
import io.millrace.engine.connector.SplitAssignment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DatagenSourceTest {

  private static Map<String, Object> nexmark(String stream, long count) {
    return Map.of("generator", "nexmark", "nexmark", Map.of("stream", stream), "seed", 42L, "count", count);
  }

  private static List<Object> readAll(DatagenSource source, int parallelism) throws Exception {
    List<Object> out = new ArrayList<>();
    for (int subtask = 0; subtask < parallelism; subtask++) {
      try (SourceReader<DatagenSplit> reader = reader(source, subtask, parallelism)) {
        reader.addSplits(SplitAssignment.share(source.discoverSplits(), subtask, parallelism));
        while (reader.pollNext((value, ts) -> out.add(value)) != InputStatus.END_OF_INPUT) {
          // drain
        }
      }
    }
    return out;
  }

  private static SourceReader<DatagenSplit> reader(DatagenSource source, int subtask, int parallelism) {
    return source.createReader(new SourceReaderContext("gen", subtask, parallelism, Map.of(), ProcessingTimeService.system()));
  }

  private static long indexOf(Object record) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) record;
    Object event = map.containsKey("type") ? map.get((String) map.get("type")) : map;
    return EventSchedule.NEXMARK_DEFAULT.indexOf((Instant) ((Map<?, ?>) event).get("dateTime"));
  }

  private static List<Long> timestamps(Map<String, Object> settings) throws Exception {
    List<Long> out = new ArrayList<>();
    DatagenSource source = DatagenSource.fromSettings("gen", settings).withRate(0);
    try (SourceReader<DatagenSplit> reader = reader(source, 0, 1)) {
      reader.addSplits(SplitAssignment.share(source.discoverSplits(), 0, 1));
      while (reader.pollNext((value, ts) -> out.add(ts)) != InputStatus.END_OF_INPUT) {
        // drain
      }
    }
    return out;
  }

  @Test
  void eventIntervalSpacesEventTimeAndWithoutItTheNexmarkScheduleHolds() throws Exception {
    Map<String, Object> fields = Map.of("fields", List.of(Map.of("name", "id", "kind", "sequence")), "count", 4L);
    Map<String, Object> spaced = new HashMap<>(fields);
    spaced.put("eventInterval", "5ms");
    long base = EventSchedule.NEXMARK_DEFAULT.baseEpochMillis();
    assertThat(timestamps(spaced)).containsExactly(base, base + 5, base + 10, base + 15);
    // 10 µs apart: the first four events share one millisecond.
    assertThat(timestamps(fields)).containsExactly(base, base, base, base);

    Map<String, Object> nexmarkSpaced = new HashMap<>(nexmark("all", 3));
    nexmarkSpaced.put("eventInterval", "1s");
    assertThat(timestamps(nexmarkSpaced)).containsExactly(base, base + 1_000, base + 2_000);

    Map<String, Object> bad = new HashMap<>(fields);
    bad.put("eventInterval", "soon");
    assertThatThrownBy(() -> DatagenSource.fromSettings("gen", bad))
        .hasMessageContaining("datagen-source 'gen', setting eventInterval: 'soon' is not a duration");
  }

  @Test
  void sameSeedGivesTheSameRecordsWhateverTheParallelismAndAnotherSeedOthers() throws Exception {
    Function<List<Object>, Map<Long, Object>> byIndex = records -> records.stream()
        .collect(Collectors.toMap(DatagenSourceTest::indexOf, r -> r));
    Map<Long, Object> one = byIndex.apply(readAll(DatagenSource.fromSettings("gen", nexmark("all", 5000)).withRate(0), 1));
    Map<Long, Object> three = byIndex.apply(readAll(DatagenSource.fromSettings("gen", nexmark("all", 5000)).withRate(0), 3));
    assertThat(one).hasSize(5000).isEqualTo(three);

    Map<String, Object> otherSeed = new HashMap<>(nexmark("all", 5000));
    otherSeed.put("seed", 7L);
    Map<Long, Object> other = byIndex.apply(readAll(DatagenSource.fromSettings("gen", otherSeed).withRate(0), 1));
    assertThat(other.keySet()).isEqualTo(one.keySet());
    assertThat(other.get(10L)).isNotEqualTo(one.get(10L));
  }

  @Test
  void personsAuctionsAndBidsComeOneToThreeToFortySixWithAboutTheStandardSizes() throws Exception {
    List<Object> all = readAll(DatagenSource.fromSettings("gen", nexmark("all", 100_000)).withRate(0), 2);
    Map<Object, List<Object>> byType = all.stream().collect(Collectors.groupingBy(r -> ((Map<?, ?>) r).get("type")));
    assertThat(byType.get("person")).hasSize(2_000);
    assertThat(byType.get("auction")).hasSize(6_000);
    assertThat(byType.get("bid")).hasSize(92_000);
    assertThat(averageBytes(byType.get("person"), "person")).isBetween(170.0, 230.0);
    assertThat(averageBytes(byType.get("auction"), "auction")).isBetween(425.0, 575.0);
    assertThat(averageBytes(byType.get("bid"), "bid")).isBetween(85.0, 115.0);
  }

  /** Payload estimate: string lengths, 8 bytes per int, 12 per timestamp. */
  private static double averageBytes(List<Object> wrapped, String type) {
    return wrapped.stream().mapToInt(w -> ((Map<?, ?>) ((Map<?, ?>) w).get(type)).values().stream()
        .mapToInt(v -> v instanceof String s ? s.length() : v instanceof Instant ? 12 : 8).sum()).average().orElseThrow();
  }

  @Test
  void bidsAreTypedAndSkewedTowardsHotAuctionsAndBidders() throws Exception {
    List<Object> bids = readAll(DatagenSource.fromSettings("gen", nexmark("bid", 5_000)).withRate(0), 1);
    assertThat(bids).hasSize(4_600);
    Map<?, ?> bid = (Map<?, ?>) bids.get(0);
    assertThat(new HashSet<Object>(bid.keySet())).containsExactlyInAnyOrder("auction", "bidder", "price", "channel", "url", "dateTime", "extra");
    assertThat(bid.get("auction")).isInstanceOf(Long.class);
    assertThat(bid.get("bidder")).isInstanceOf(Long.class);
    assertThat(bid.get("price")).isInstanceOf(Long.class);
    assertThat(bid.get("dateTime")).isInstanceOf(Instant.class);
    assertThat(bid.get("channel")).isInstanceOf(String.class);
    // 5000 events = 100 blocks: auctions 1000..1299, persons 1000..1099 (one hot bidder, 1000, takes ~3/4)
    Map<Object, Long> perAuction = bids.stream().collect(Collectors.groupingBy(b -> ((Map<?, ?>) b).get("auction"), Collectors.counting()));
    // the hot auction moves every 100 auctions (1000, 1100, 1200 here): together about half the bids
    assertThat(perAuction.get(1000L) + perAuction.get(1100L) + perAuction.get(1200L)).isGreaterThan(4_600 * 2 / 5);
    Map<Object, Long> perBidder = bids.stream().collect(Collectors.groupingBy(b -> ((Map<?, ?>) b).get("bidder"), Collectors.counting()));
    assertThat(perBidder.get(1000L)).isGreaterThan(4_600 / 2);

    Map<?, ?> person = (Map<?, ?>) readAll(DatagenSource.fromSettings("gen", nexmark("person", 100)).withRate(0), 1).get(1);
    assertThat(person.get("id")).isEqualTo(1001L);
    assertThat(person.get("dateTime")).isEqualTo(EventSchedule.NEXMARK_DEFAULT.instantOf(50));
    Map<?, ?> auction = (Map<?, ?>) readAll(DatagenSource.fromSettings("gen", nexmark("auction", 100)).withRate(0), 1).get(4);
    assertThat(auction.get("id")).isEqualTo(1004L);
    assertThat(auction.get("seller")).isInstanceOf(Long.class);
    assertThat(auction.get("expires")).isInstanceOf(Instant.class);
    assertThat((Long) auction.get("reserve")).isGreaterThan((Long) auction.get("initialBid"));
  }

  @Test
  void aSnapshotRestoredAtAnotherParallelismContinuesWithoutGapOrDuplicate() throws Exception {
    DatagenSource source = DatagenSource.fromSettings("gen", nexmark("all", 20_000)).withRate(0);
    List<Long> seen = new ArrayList<>();
    List<byte[]> checkpoint = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      SourceReader<DatagenSplit> reader = reader(source, subtask, 2);
      reader.addSplits(SplitAssignment.share(source.discoverSplits(), subtask, 2));
      for (int poll = 0; poll < 7 + subtask * 5; poll++) {
        reader.pollNext((value, ts) -> seen.add(indexOf(value)));
      }
      reader.snapshotState(1).forEach(split -> checkpoint.add(source.splitCodec().encode(split)));
      reader.pollNext((value, ts) -> { }); // read after the snapshot: lost with the failure, replayed on restore
    }
    List<DatagenSplit> restored = checkpoint.stream().map(source.splitCodec()::decode).toList();
    for (int subtask = 0; subtask < 3; subtask++) {
      try (SourceReader<DatagenSplit> reader = reader(source, subtask, 3)) {
        reader.addSplits(SplitAssignment.share(restored, subtask, 3));
        while (reader.pollNext((value, ts) -> seen.add(indexOf(value))) != InputStatus.END_OF_INPUT) {
          // drain
        }
      }
    }
    assertThat(seen).hasSize(20_000);
    assertThat(new HashSet<>(seen)).hasSize(20_000).contains(0L, 19_999L);
  }

  @Test
  void aReaderEmitsInEventTimeOrder() throws Exception {
    DatagenSource source = DatagenSource.fromSettings("gen", nexmark("all", 10_000)).withRate(0);
    List<Long> timestamps = new ArrayList<>();
    try (SourceReader<DatagenSplit> reader = reader(source, 1, 2)) {
      reader.addSplits(SplitAssignment.share(source.discoverSplits(), 1, 2));
      while (reader.pollNext((value, ts) -> timestamps.add(ts)) != InputStatus.END_OF_INPUT) {
        // drain
      }
    }
    assertThat(timestamps).hasSize(5_000).isSorted();
  }

  @Test
  void aRateLimitedReaderHasNothingBeforeItsFirstEventIsDue() throws Exception {
    DatagenSource source = DatagenSource.fromSettings("gen", nexmark("bid", 1_000)).withRate(1);
    try (SourceReader<DatagenSplit> reader = reader(source, 0, 1)) {
      reader.addSplits(source.discoverSplits());
      List<Object> out = new ArrayList<>();
      assertThat(reader.pollNext((value, ts) -> out.add(value))).isEqualTo(InputStatus.NOTHING_AVAILABLE);
      assertThat(out).isEmpty();
    }
  }

  @Test
  void fieldsGeneratorTypesEveryKindAsTheCatalogDoes() throws Exception {
    Map<String, Object> settings = Map.of("generator", "fields", "seed", 1L, "count", 200L, "fields", List.of(
        Map.of("name", "id", "kind", "sequence"),
        Map.of("name", "n", "kind", "random-int", "min", 5L, "max", 9L),
        Map.of("name", "x", "kind", "random-double", "min", 1.0, "max", 2.0),
        Map.of("name", "s", "kind", "random-string", "length", 12L),
        Map.of("name", "color", "kind", "one-of", "values", List.of("red", "green")),
        Map.of("name", "at", "kind", "timestamp"),
        Map.of("name", "u", "kind", "uuid")));
    List<Object> records = readAll(DatagenSource.fromSettings("gen", settings).withRate(0), 1);
    assertThat(records).hasSize(200);
    Set<Object> ids = new HashSet<>();
    for (Object r : records) {
      Map<?, ?> record = (Map<?, ?>) r;
      ids.add(record.get("id"));
      assertThat((Long) record.get("n")).isBetween(5L, 9L);
      assertThat((Double) record.get("x")).isBetween(1.0, 2.0);
      assertThat((String) record.get("s")).hasSize(12);
      assertThat(record.get("color")).isIn("red", "green");
      assertThat(record.get("at")).isInstanceOf(Instant.class);
      assertThat(java.util.UUID.fromString((String) record.get("u")).version()).isEqualTo(4);
    }
    assertThat(ids).hasSize(200).contains(0L, 199L);
  }

  @Test
  void badSettingsNameTheNodeAndTheSetting() {
    assertThatThrownBy(() -> DatagenSource.fromSettings("gen", Map.of("generator", "nexmark", "nexmark", Map.of("stream", "bids"))))
        .hasMessageContaining("'gen'").hasMessageContaining("nexmark.stream");
    assertThatThrownBy(() -> DatagenSource.fromSettings("gen", Map.of("generator", "fields")))
        .hasMessageContaining("fields");
  }
}
