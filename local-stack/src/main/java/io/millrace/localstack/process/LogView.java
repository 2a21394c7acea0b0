package io.millrace.localstack.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a server's log file written since one start attempt began.
 *
 * <p>Persistent servers append to the same log across restarts; looking only past {@code startOffset} keeps an old
 * "Address already in use" or "started" line from being taken for the current attempt's.
 */
public record LogView(Path file, long startOffset) {

    /** A view of everything appended to {@code file} from now on. */
    public static LogView fromEndOf(Path file) {
        try {
            return new LogView(file, Files.isRegularFile(file) ? Files.size(file) : 0L);
        } catch (IOException e) {
            return new LogView(file, 0L);
        }
    }

    /** The last {@code count} lines of this attempt's output. */
    public List<String> lastLines(int count) {
        List<String> lines = lines();
        return new ArrayList<>(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    public boolean contains(String text) {
        return lines().stream().anyMatch(line -> line.contains(text));
    }

    public boolean containsAny(List<String> texts) {
        return lines().stream().anyMatch(line -> texts.stream().anyMatch(line::contains));
    }

    /** This attempt's last lines, ready to append to an error message. */
    public String tailForMessage(int count) {
        List<String> tail = lastLines(count);
        if (tail.isEmpty()) {
            return "  (the log is empty)";
        }
        StringBuilder text = new StringBuilder();
        tail.forEach(line -> text.append("  | ").append(line).append('\n'));
        return text.toString().stripTrailing();
    }

    private List<String> lines() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= startOffset) {
                return List.of();
            }
            byte[] bytes = new byte[(int) Math.min(length - startOffset, Integer.MAX_VALUE - 16)];
            in.seek(startOffset);
            in.readFully(bytes);
            // Decoded leniently: the server may be in the middle of writing a multi-byte character.
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
