package io.millrace.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.testing.MiniCluster;
import io.millrace.spec.plan.KeyGroups;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniClusterJobTest {

  static final String SPEC = """
      apiVersion: millrace.io/v1
      kind: Pipeline
      metadata: {name: words}
      spec:
        parallelism: 2
        nodes:
          - {id: lines, type: kafka-source, topic: in, format: text}
          - {id: words, type: flat-map, inputs: [lines], expression: "value.split(' ')"}
          - {id: by-word, type: key-by, inputs: [words], expression: "value", parallelism: 3}
          - {id: upper, type: map, inputs: [by-word], expression: "value.upperAscii()"}
          - {id: out, type: kafka-sink, inputs: [upper], topic: out, format: json}
      """;

  @TempDir Path dir;

  @Test
  void runsAPlanEndToEndWithKeyedExchangeAndCommitsAllOutput() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      lines.add("w" + (i % 17) + " x" + (i % 5));
    }
    CollectingSink out = new CollectingSink();
    MiniCluster cluster = MiniCluster.forSpec(SPEC)
        .source("lines", CollectionSource.of(lines, 4))
        .sink("out", out)
        .config(JobConfig.defaults(dir));
    LocalJob job = cluster.start();
    job.result().get(60, TimeUnit.SECONDS);

    Map<Object, Long> counts = out.committedValues().stream()
        .collect(Collectors.groupingBy(v -> v, Collectors.counting()));
    Map<Object, Long> expected = lines.stream().flatMap(l -> List.of(l.split(" ")).stream())
        .map(String::toUpperCase).collect(Collectors.groupingBy(v -> (Object) v, Collectors.counting()));
    assertThat(counts).isEqualTo(expected);
    // the key computed by the HASH sender travels with the record: the lower-case word
    for (StreamRecord record : out.committed()) {
      assertThat(record.key()).isEqualTo(((String) record.value()).toLowerCase());
    }
    // the final checkpoint committed everything; nothing is left prepared
    assertThat(out.preparedTransactions()).isZero();
    assertThat(job.completedCheckpoints()).isNotEmpty();
  }

  @Test
  void keyedRecordsReachTheSubtaskOwningTheirKeyGroup() throws Exception {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      words.add("k" + i);
    }
    CollectingSink out = new CollectingSink();
    String spec = """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: routing}
        spec:
          parallelism: 2
          nodes:
            - {id: lines, type: kafka-source, topic: in, format: text}
            - {id: by-word, type: key-by, inputs: [lines], expression: "value", parallelism: 3}
            - {id: out, type: kafka-sink, inputs: [by-word], topic: out, format: json, parallelism: 3}
        """;
    LocalJob job = MiniCluster.forSpec(spec)
        .source("lines", CollectionSource.of(words, 3))
        .sink("out", out)
        .operator("by-word", SubtaskTagger::new)
        .config(JobConfig.defaults(dir))
        .start();
    job.result().get(60, TimeUnit.SECONDS);

    assertThat(out.committed()).hasSize(300);
    for (StreamRecord record : out.committed()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> value = (Map<String, Object>) record.value();
      int keyGroup = KeyGroups.keyGroupFor(record.key(), 128);
      assertThat(value.get("subtask")).isEqualTo((long) KeyGroups.subtaskFor(keyGroup, 128, 3));
      assertThat(value.get("inRange")).isEqualTo(true);
    }
  }

  @Test
  void periodicCheckpointsCompleteWhileTheJobRuns() throws Exception {
    CollectionSource source = CollectionSource.of(List.of("a b", "c d", "e f", "g h"), 2);
    source.releaseUpTo(1); // the job stays running: sources hold at offset 1
    CollectingSink out = new CollectingSink();
    LocalJob job = MiniCluster.forSpec(SPEC)
        .source("lines", source)
        .sink("out", out)
        .config(JobConfig.defaults(dir).withCheckpointInterval(java.time.Duration.ofMillis(20)))
        .start();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> job.completedCheckpoints().size() >= 3);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> out.committed().size() == 4); // the words of the first line of each split
    source.releaseAll();
    job.result().get(60, TimeUnit.SECONDS);
    assertThat(out.committed()).hasSize(8);
    List<Long> ids = job.completedCheckpoints().stream().map(c -> c.id()).toList();
    assertThat(ids).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aKeyThatFailsOnAHashEdgeSendsTheRecordToTheSendersDeadLetterOutput() throws Exception {
    String spec = """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: bad-keys}
        spec:
          parallelism: 2
          nodes:
            - {id: events, type: kafka-source, topic: in, format: json}
            - {id: clean, type: map, inputs: [events], expression: "value"}
            - {id: by-user, type: key-by, inputs: [clean], expression: "value.user"}
            - {id: out, type: kafka-sink, inputs: [by-user], topic: out, format: json}
            - {id: bad, type: kafka-sink, inputs: [clean.dead-letter], topic: bad, format: json}
        """;
    List<Object> events = new ArrayList<>();
    for (long i = 0; i < 100; i++) {
      events.add(i % 4 == 0 ? Map.of("id", i) : Map.of("id", i, "user", "u" + (i % 3)));
    }
    CollectingSink out = new CollectingSink();
    CollectingSink bad = new CollectingSink();
    MiniCluster.forSpec(spec)
        .source("events", CollectionSource.of(events, 2))
        .sink("out", out).sink("bad", bad)
        .config(JobConfig.defaults(dir))
        .start().result().get(60, TimeUnit.SECONDS);
    assertThat(out.committed()).hasSize(75);
    assertThat(bad.committedValues()).hasSize(25).allSatisfy(v -> {
      Map<?, ?> dead = (Map<?, ?>) v;
      assertThat(dead.get("node")).isEqualTo("clean");
      assertThat((String) dead.get("reason")).contains("value.user");
    });
  }
}
