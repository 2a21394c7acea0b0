package io.millrace.engine.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.SinkWriter;
import io.millrace.engine.connector.SinkWriterContext;
import io.millrace.spec.plan.JobVertex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A sink subtask driven the way the runtime drives it (write, pre-commit at each barrier, commit when
 * the checkpoint completed, restore from the latest completed checkpoint with a higher attempt),
 * killed at random points: mid-stream, or after a checkpoint completed and before its commit ran.
 * Checkpoint ids restart after the restored one (as a local job does), so ids repeat across attempts.
 * Whatever the crashes, the committed lines are every input record exactly once.
 */
class FileSinkCrashPropertiesTest {

  /** Kill the attempt after its {@code step}-th record, or (atCheckpoint) at the next completed checkpoint before its commit. */
  record Crash(int step, boolean atCheckpoint) {}

  /** The latest completed checkpoint: source position and the sink's uncommitted parts. */
  record Completed(long position, long checkpointId, List<FilePart> parts) {}

  @Property(tries = 150)
  void committedOutputIsExactlyTheInputWhateverTheCrashes(
      @ForAll @IntRange(min = 1, max = 60) int records,
      @ForAll @IntRange(min = 1, max = 9) int interval,
      @ForAll("crashes") List<Crash> crashes) throws Exception {
    Path dir = Files.createTempDirectory("file-sink-crash");
    try {
      run(dir, records, interval, crashes);
      assertThat(committedValues(dir)).isEqualTo(LongStream.range(0, records).boxed().toList());
    } finally {
      deleteTree(dir);
    }
  }

  @Provide
  Arbitrary<List<Crash>> crashes() {
    Arbitrary<Crash> crash = Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.of(true, false))
        .as(Crash::new);
    return crash.list().ofMaxSize(4);
  }

  private static void run(Path dir, int records, int interval, List<Crash> crashes) throws Exception {
    JobVertex vertex = new JobVertex("out", "file-sink", 1, false, Map.of("path", dir.toString()), List.of());
    Completed restored = null;
    for (long attempt = 1; ; attempt++) {
      Crash crash = attempt <= crashes.size() ? crashes.get((int) attempt - 1) : null;
      FileSink sink = FileSinkConnector.fromVertex(vertex, "job-1", attempt);
      if (restored != null) {
        sink.recover(restored.parts());
      }
      SinkWriter<FilePart> writer = sink.createWriter(new SinkWriterContext("out", 0, 1, Map.of()));
      long position = restored == null ? 0 : restored.position();
      long checkpointId = restored == null ? 0 : restored.checkpointId();
      TreeMap<Long, FilePart> uncommitted = new TreeMap<>();
      int steps = 0;
      boolean killed = false;
      while (position < records && !killed) {
        writer.write(StreamRecord.of(position));
        position++;
        steps++;
        if (crash != null && !crash.atCheckpoint() && steps == crash.step()) {
          killed = true; // kill -9: the writer is never closed
        } else if (position % interval == 0 || position == records) {
          checkpointId++;
          FilePart part = writer.preCommit(checkpointId);
          if (part != null) {
            uncommitted.put(checkpointId, part);
          }
          restored = new Completed(position, checkpointId, List.copyOf(uncommitted.values()));
          if (crash != null && crash.atCheckpoint() && steps >= crash.step()) {
            killed = true; // completed, but the notification never reached the sink
          } else {
            sink.commit(List.copyOf(uncommitted.values()));
            uncommitted.clear();
          }
        }
      }
      if (!killed) {
        writer.close();
        return;
      }
    }
  }

  private static List<Long> committedValues(Path dir) throws IOException {
    List<Long> values = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        Files.readAllLines(file).forEach(line -> values.add(Long.parseLong(line)));
      }
    }
    values.sort(Comparator.naturalOrder());
    return values;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
