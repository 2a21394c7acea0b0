package io.millrace.engine.connector.file;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.SinkWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One subtask's writer: lines go into the current hidden in-progress file (opened on the first record
 * after a barrier, so checkpoints without records leave no file); {@link #preCommit} seals it as a
 * pending file. See {@link FileSink} for the protocol. Task thread only.
 */
final class FileSinkWriter implements SinkWriter<FilePart> {

  private static final Logger LOG = Logger.getLogger(FileSinkWriter.class.getName());
  private static final int BUFFER_BYTES = 64 * 1024;

  private final Path directory;
  private final PartFileNames names;
  private final LineFormat format;
  private final int subtask;
  private final long attempt;
  /** Unknown to every other writer, so two writers never share a file name even within an attempt. */
  private final String writerId = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  private long sequence;
  private FileChannel channel;
  private OutputStream out;

  FileSinkWriter(Path directory, PartFileNames names, LineFormat format, int subtask, long attempt) {
    this.directory = directory;
    this.names = names;
    this.format = format;
    this.subtask = subtask;
    this.attempt = attempt;
  }

  @Override
  public void write(StreamRecord record) throws IOException {
    if (out == null) {
      channel = FileChannel.open(inProgressFile(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
    }
    out.write(format.encode(record.value()));
    out.write('\n');
  }

  @Override
  public FilePart preCommit(long checkpointId) throws IOException {
    if (out == null) {
      return null;
    }
    out.flush();
    channel.force(true);
    out.close(); // closes the channel
    out = null;
    channel = null;
    String pending = names.pending(subtask, attempt, writerId, sequence);
    Files.move(inProgressFile(), directory.resolve(pending), StandardCopyOption.ATOMIC_MOVE);
    sequence++;
    return new FilePart(pending, names.committed(subtask, checkpointId, attempt, writerId));
  }

  /** Aborts: the open in-progress file is deleted (pending files wait for commit or recovery). */
  @Override
  public void close() {
    if (out == null) {
      return;
    }
    Path file = inProgressFile();
    try {
      out.close();
    } catch (IOException e) {
      LOG.fine(() -> "file-sink: closing " + file + " on abort: " + e.getMessage());
    }
    out = null;
    channel = null;
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // left for the next recovery, which deletes files of earlier attempts
      LOG.warning(() -> "file-sink: could not delete aborted " + file + ": " + e.getMessage());
    }
  }

  private Path inProgressFile() {
    return directory.resolve(names.inProgress(subtask, attempt, writerId, sequence));
  }
}
