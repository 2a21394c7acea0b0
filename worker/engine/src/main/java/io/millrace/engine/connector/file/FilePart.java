package io.millrace.engine.connector.file;

import java.util.Objects;

/**
 * The committable of the file sink: one sealed (pending) file and the name it gets when committed.
 * Names only, relative to the sink's directory, so any worker that sees the directory can commit it.
 *
 * @param pendingName the hidden pending file written by a writer and sealed at a checkpoint barrier
 * @param finalName the visible part file it becomes when that checkpoint completes
 */
public record FilePart(String pendingName, String finalName) {

  public FilePart {
    Objects.requireNonNull(pendingName, "pendingName");
    Objects.requireNonNull(finalName, "finalName");
  }
}
