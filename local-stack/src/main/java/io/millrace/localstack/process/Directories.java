package io.millrace.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Directory chores of the launchers. */
public final class Directories {

    private Directories() {
    }

    public static Path createTemp(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory in "
                    + System.getProperty("java.io.tmpdir"), e);
        }
    }

    public static Path create(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create directory " + directory, e);
        }
    }

    /** Deletes a tree without following symbolic links (an instance directory links to shared files). */
    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root, e);
        }
    }

    /** The log directory: the configured one, else {@code logs} in the data directory, else a shared temp one. */
    public static Path logDirectory(Path configured, Path persistentDataDir) {
        if (configured != null) {
            return create(configured);
        }
        if (persistentDataDir != null) {
            return create(persistentDataDir.resolve("logs"));
        }
        // Kept after close (unlike a temporary data directory) so that a failed run can still be diagnosed.
        return create(Path.of(System.getProperty("java.io.tmpdir"), "millrace-local-stack-logs"));
    }

    /** A log file name unique to this start, e.g. {@code postgres-20260101-101010-1234.log}. */
    public static Path newLogFile(Path logDirectory, String serverName, boolean persistent) {
        if (persistent) {
            return logDirectory.resolve(serverName + ".log");
        }
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss"));
        return logDirectory.resolve(serverName + "-" + stamp + "-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime() & 0xffffff) + ".log");
    }
}
