package io.millrace.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** KEY=VALUE lines for a shell ({@code set -a; . FILE}) or a dotenv reader. */
final class EnvFile {

    private EnvFile() {
    }

    static String render(Map<String, String> environment) {
        return environment.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The same lines with secrets replaced, for the terminal; the file has the real values. */
    static String renderMasked(Map<String, String> environment, Path file) {
        return environment.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + (isSecret(entry.getKey()) ? "<see " + file + ">"
                        : entry.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Writes atomically (a reader never sees half a file), readable by the owner only: it holds passwords. */
    static void write(Path file, Map<String, String> environment) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not POSIX: default permissions.
            }
            Files.writeString(partial, render(environment), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the env file " + file, e);
        }
    }

    static boolean isSecret(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        return upper.contains("PASSWORD") || upper.contains("SECRET");
    }
}
