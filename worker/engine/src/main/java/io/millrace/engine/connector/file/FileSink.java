package io.millrace.engine.connector.file;

import io.millrace.engine.connector.CommittableCodec;
import io.millrace.engine.connector.Sink;
import io.millrace.engine.connector.SinkWriter;
import io.millrace.engine.connector.SinkWriterContext;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Exactly-once sink writing lines into files of one directory, by two-phase commit over renames.
 *
 * <p><b>Protocol.</b> Each writer (one per subtask and attempt, with a random writer id) appends to a
 * hidden in-progress file. At a checkpoint barrier {@link FileSinkWriter#preCommit} flushes, fsyncs,
 * closes and renames it to a hidden pending file: that {@link FilePart} is the committable stored in
 * the checkpoint. When the checkpoint completes, {@link #commit} renames pending to its visible part
 * name. A commit is idempotent: a pending file already renamed (its part file exists) is skipped, so
 * committing again after a failure whose outcome was unknown is fine. Only part files are output;
 * nothing hidden is ever read as output, so a crash at any point leaves committed output exact.
 *
 * <p><b>Recovery and what may be deleted.</b> In a cluster, {@link #recover} runs on ONE worker while
 * sink subtasks of the new attempt on other workers may already be writing. The rule: recover first
 * commits the restored parts, then deletes the hidden files of THIS job and THIS node whose
 * attempt is STRICTLY LOWER than this sink's attempt (and that are not restored parts). Files of the
 * current or a later attempt, of other nodes, of other jobs and anything not named like a hidden
 * sink file are never touched. This is safe because a redeploy always increases the attempt and
 * cancels every earlier one first, so a lower-attempt file can only belong to a dead writer (or a
 * zombie on a cut-off worker, whose output will never be committed: its acknowledgements carry a
 * stale attempt). Its records are produced again from the restored checkpoint, so deleting loses
 * nothing. A job started fresh runs no recover: lower-attempt leftovers then wait, hidden, for the
 * next recovery.
 *
 * <p>One instance per sink node per worker (shared by the node's local subtasks); thread-safe: it
 * only holds immutable settings, and concurrent commits touch disjoint files.
 */
public final class FileSink implements Sink<FilePart> {

  private static final Logger LOG = Logger.getLogger(FileSink.class.getName());

  private final String jobId;
  private final long attempt;
  private final String nodeId;
  private final FileSinkSettings settings;
  private final PartFileNames names;

  FileSink(String jobId, long attempt, String nodeId, FileSinkSettings settings) {
    if (attempt < 1) {
      throw new IllegalArgumentException("file-sink node " + nodeId + ": attempt must be >= 1, was " + attempt);
    }
    this.jobId = jobId;
    this.attempt = attempt;
    this.nodeId = nodeId;
    this.settings = settings;
    this.names = new PartFileNames(jobId, nodeId, settings.prefix(), settings.format().extension());
  }

  /** The output directory. */
  public Path directory() {
    return settings.directory();
  }

  @Override
  public SinkWriter<FilePart> createWriter(SinkWriterContext context) throws IOException {
    Files.createDirectories(settings.directory());
    return new FileSinkWriter(settings.directory(), names, settings.format(), context.subtaskIndex(), attempt);
  }

  @Override
  public void commit(List<FilePart> committables) throws IOException {
    boolean renamed = false;
    for (FilePart part : committables) {
      renamed |= commitOne(part);
    }
    if (renamed) {
      syncDirectory(settings.directory());
    }
  }

  private boolean commitOne(FilePart part) throws IOException {
    Path dir = settings.directory();
    Path pending = dir.resolve(part.pendingName());
    Path committed = dir.resolve(part.finalName());
    try {
      Files.move(pending, committed, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (NoSuchFileException e) {
      if (Files.exists(committed)) {
        return false; // committed before (a commit repeated after a failure): idempotent
      }
      throw new IllegalStateException("file-sink job=" + jobId + " node=" + nodeId + ": cannot commit "
          + part.finalName() + ": neither the pending file " + part.pendingName() + " nor the part file exists in "
          + dir + " (deleted outside Millrace, or a different directory than the checkpoint was written with?)", e);
    }
  }

  @Override
  public void recover(List<FilePart> restored) throws IOException {
    Path dir = settings.directory();
    Files.createDirectories(dir);
    commit(restored);
    Set<String> keep = new HashSet<>();
    restored.forEach(p -> keep.add(p.pendingName()));
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        var hidden = names.parseOwn(name);
        if (hidden.isPresent() && hidden.get().attempt() < attempt && !keep.contains(name)) {
          if (Files.deleteIfExists(file)) {
            deleted++;
          }
        }
      }
    }
    int cleaned = deleted;
    LOG.info(() -> "file-sink job=" + jobId + " attempt=" + attempt + " node=" + nodeId + " recovered: committed "
        + restored.size() + " restored parts, deleted " + cleaned + " leftover files of earlier attempts in " + dir);
  }

  @Override
  public CommittableCodec<FilePart> committableCodec() {
    return FilePartCodec.instance();
  }

  /** Makes renames in {@code dir} durable (Linux: fsync on the directory). */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some platforms/file systems cannot open or sync a directory; the renames are still atomic
      LOG.fine(() -> "file-sink: directory sync not supported for " + dir + ": " + e.getMessage());
    }
  }
}
