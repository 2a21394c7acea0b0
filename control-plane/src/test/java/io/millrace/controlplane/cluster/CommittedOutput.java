package io.millrace.controlplane.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads what a {@code file-sink} committed: the visible part files only (hidden files are work in progress). */
final class CommittedOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CommittedOutput() {}

    /** Every committed line, sorted. */
    static List<String> lines(Path dir) {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.sort(null);
        return lines;
    }

    /** The committed window counts as {@code key|windowStart|windowEnd|count}, sorted (duplicates kept). */
    static List<String> windowRows(Path dir) {
        List<String> rows = new ArrayList<>();
        for (String line : lines(dir)) {
            try {
                JsonNode row = JSON.readTree(line);
                rows.add(row.path("key").asText() + "|" + row.path("windowStart").asText() + "|"
                        + row.path("windowEnd").asText() + "|" + row.path("count").asLong());
            } catch (IOException e) {
                throw new AssertionError("committed line is not JSON: " + line, e);
            }
        }
        rows.sort(null);
        return rows;
    }

    /** Hidden files (in progress or pending) left in {@code dir}. */
    static long hiddenFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
