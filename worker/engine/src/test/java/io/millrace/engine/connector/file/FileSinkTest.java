package io.millrace.engine.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.SinkWriter;
import io.millrace.engine.connector.SinkWriterContext;
import io.millrace.spec.plan.JobVertex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {

  private static final String JOB = "7d0c6a52-1f0e-4b8e-9d5c-2b1f6c3e9a10";

  @TempDir Path dir;

  private FileSink sink(long attempt) {
    return sink(JOB, "out", attempt);
  }

  private FileSink sink(String job, String node, long attempt) {
    return FileSinkConnector.fromVertex(vertex(node, Map.of("path", dir.toUri().toString())), job, attempt);
  }

  private static JobVertex vertex(String node, Map<String, Object> settings) {
    return new JobVertex(node, "file-sink", 2, false, settings, List.of());
  }

  private static SinkWriter<FilePart> writer(FileSink sink, int subtask) throws Exception {
    return sink.createWriter(new SinkWriterContext("out", subtask, 2, Map.of()));
  }

  private static void write(SinkWriter<FilePart> writer, Object... values) throws Exception {
    for (Object value : values) {
      writer.write(StreamRecord.of(value));
    }
  }

  @Test
  void committedPartHoldsTheLinesAndNothingIsVisibleBeforeCommit() throws Exception {
    FileSink sink = sink(1);
    SinkWriter<FilePart> writer = writer(sink, 0);
    write(writer, Map.of("k", "a"), Map.of("k", "b"));
    assertThat(committedLines()).isEmpty();
    assertThat(hiddenFiles()).singleElement().asString().endsWith(".inprogress");

    FilePart part = writer.preCommit(5);
    assertThat(committedLines()).as("pre-committed is not yet output").isEmpty();
    assertThat(hiddenFiles()).singleElement().asString().endsWith(".pending");
    assertThat(part.finalName()).startsWith("part-out-0-5-a1-").endsWith(".jsonl");

    sink.commit(List.of(part));
    assertThat(committedLines()).containsExactly("{\"k\":\"a\"}", "{\"k\":\"b\"}");
    assertThat(hiddenFiles()).isEmpty();
  }

  @Test
  void commitIsIdempotent() throws Exception {
    FileSink sink = sink(1);
    SinkWriter<FilePart> writer = writer(sink, 0);
    write(writer, "x");
    FilePart part = writer.preCommit(1);
    sink.commit(List.of(part));
    sink.commit(List.of(part));
    sink(2).recover(List.of(part)); // the same part restored again after a failure
    assertThat(committedLines()).containsExactly("\"x\"");
  }

  @Test
  void aCheckpointWithoutRecordsLeavesNoFile() throws Exception {
    SinkWriter<FilePart> writer = writer(sink(1), 0);
    assertThat(writer.preCommit(1)).isNull();
    write(writer, "a");
    assertThat(writer.preCommit(2)).isNotNull();
    assertThat(writer.preCommit(3)).isNull();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void closeAbortsTheOpenFile() throws Exception {
    FileSink sink = sink(1);
    SinkWriter<FilePart> writer = writer(sink, 0);
    write(writer, "a");
    FilePart sealed = writer.preCommit(1);
    write(writer, "b");
    writer.close();
    assertThat(hiddenFiles()).containsExactly(sealed.pendingName());
  }

  @Test
  void crashBetweenPreCommitAndCommitThenRecoverCommitsTheRestoredPartAndDropsTheRest() throws Exception {
    FileSink first = sink(1);
    SinkWriter<FilePart> writer = writer(first, 0);
    write(writer, "a", "b");
    FilePart inCheckpoint1 = writer.preCommit(1); // checkpoint 1 completes, the commit never happens (crash)
    write(writer, "c");
    writer.preCommit(2); // checkpoint 2 never completes
    write(writer, "d"); // in progress at the crash; the writer is never closed (kill -9)

    sink(2).recover(List.of(inCheckpoint1));

    assertThat(committedLines()).containsExactly("\"a\"", "\"b\"");
    assertThat(hiddenFiles()).as("leftovers of attempt 1").isEmpty();
  }

  @Test
  void recoverNeverTouchesFilesOfTheCurrentAttemptOtherNodesOrOtherJobs() throws Exception {
    SinkWriter<FilePart> dead = writer(sink(1), 0);
    write(dead, "old");
    FilePart restored = dead.preCommit(1);
    write(dead, "lost");

    // another worker's subtask of the NEW attempt is already writing while this worker recovers
    FileSink otherWorker = sink(2);
    SinkWriter<FilePart> live = writer(otherWorker, 1);
    write(live, "new-1");
    SinkWriter<FilePart> otherNode = writer(sink(JOB, "audit", 1), 0);
    write(otherNode, "audit");
    SinkWriter<FilePart> otherJob = writer(sink("another-job", "out", 1), 0);
    write(otherJob, "other");
    Files.writeString(dir.resolve(".not-ours"), "keep");

    sink(2).recover(List.of(restored));

    write(live, "new-2");
    otherWorker.commit(List.of(live.preCommit(2)));
    assertThat(committedLines()).containsExactlyInAnyOrder("\"old\"", "\"new-1\"", "\"new-2\"");
    assertThat(hiddenFiles()).hasSize(3).contains(".not-ours")
        .anyMatch(name -> name.contains(".audit.")).anyMatch(name -> name.startsWith(".another-job."));
  }

  @Test
  void commitOfAPartThatVanishedSaysWhatIsMissing() throws Exception {
    FileSink sink = sink(1);
    SinkWriter<FilePart> writer = writer(sink, 0);
    write(writer, "a");
    FilePart part = writer.preCommit(1);
    Files.delete(dir.resolve(part.pendingName()));
    assertThatThrownBy(() -> sink.commit(List.of(part)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("node=out").hasMessageContaining(part.pendingName()).hasMessageContaining("neither");
  }

  @Test
  void jsonLinesFollowTheRecordModel() throws Exception {
    FileSink sink = sink(1);
    SinkWriter<FilePart> writer = writer(sink, 0);
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("id", 7L);
    value.put("avg", 1.5);
    value.put("at", Instant.ofEpochMilli(1000));
    value.put("raw", new byte[] {1, 2});
    value.put("tags", List.of("a", true));
    value.put("none", null);
    write(writer, value);
    sink.commit(List.of(writer.preCommit(1)));
    assertThat(committedLines()).containsExactly(
        "{\"id\":7,\"avg\":1.5,\"at\":\"1970-01-01T00:00:01Z\",\"raw\":\"AQI=\",\"tags\":[\"a\",true],\"none\":null}");
  }

  @Test
  void textFormatWritesStringsAsTheyAre() throws Exception {
    FileSink sink = FileSinkConnector.fromVertex(
        vertex("out", Map.of("path", dir.toString(), "format", "text", "prefix", "words")), JOB, 1);
    SinkWriter<FilePart> writer = writer(sink, 0);
    write(writer, "hello world", 42L);
    FilePart part = writer.preCommit(1);
    sink.commit(List.of(part));
    assertThat(part.finalName()).startsWith("words-out-0-1-").endsWith(".txt");
    assertThat(committedLines()).containsExactly("hello world", "42");
  }

  @Test
  void badSettingsNameTheNodeAndTheSetting() {
    assertThatThrownBy(() -> FileSinkConnector.fromVertex(vertex("out", Map.of()), JOB, 1))
        .hasMessageContaining("file-sink node out").hasMessageContaining("'path' is required");
    assertThatThrownBy(() -> FileSinkConnector.fromVertex(vertex("out", Map.of("path", "s3://bucket/x")), JOB, 1))
        .hasMessageContaining("file-sink node out").hasMessageContaining("file:// URI");
    assertThatThrownBy(() -> FileSinkConnector.fromVertex(vertex("out", Map.of("path", "/x", "format", "avro")), JOB, 1))
        .hasMessageContaining("format 'avro' is not json or text");
    assertThatThrownBy(() -> FileSinkConnector.fromVertex(vertex("out", Map.of("path", "/x")), JOB, 0))
        .hasMessageContaining("attempt must be >= 1");
  }

  @Test
  void committableCodecRoundTripsAndRefusesUnknownVersions() {
    var codec = sink(1).committableCodec();
    FilePart part = new FilePart(".j.out.0.a1.abc.0.pending", "part-out-0-1-a1-abc.jsonl");
    assertThat(codec.decode(codec.encode(part))).isEqualTo(part);
    byte[] future = codec.encode(part);
    future[0] = 9;
    assertThatThrownBy(() -> codec.decode(future)).hasMessageContaining("format version 9");
  }

  private List<String> committedLines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  private List<String> hiddenFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
    }
  }
}
