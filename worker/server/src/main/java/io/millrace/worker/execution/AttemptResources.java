package io.millrace.worker.execution;

import io.millrace.engine.checkpoint.store.CheckpointStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What one attempt holds on this worker besides its tasks: its working directory (RocksDB instances) and its
 * checkpoint store client. Released when the attempt's last local task ended.
 */
record AttemptResources(Path workingDirectory, CheckpointStore checkpointStore) implements AutoCloseable {

    @Override
    public void close() {
        try {
            checkpointStore.close();
        } finally {
            deleteRecursively(workingDirectory);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete working directory " + directory, e);
        }
    }
}
