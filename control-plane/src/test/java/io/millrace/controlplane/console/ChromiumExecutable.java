package io.millrace.controlplane.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine's Chromium for the browser tests (DESIGN.md §6: Playwright drives it, never a downloaded browser):
 * {@code -Dmillrace.chromium=<executable>} when given, else the first of {@code chromium}, {@code chromium-browser} on
 * {@code PATH}.
 */
final class ChromiumExecutable {

    static final String PROPERTY = "millrace.chromium";
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");

    private ChromiumExecutable() {}

    static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.trim());
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + configured + " is not an executable file;"
                        + " point it at a Chromium binary or drop it to search PATH");
            }
            return path;
        }
        return onPath(System.getenv().getOrDefault("PATH", "")).orElseThrow(() -> new IllegalStateException(
                "no Chromium on PATH (looked for " + NAMES + "): install it (Debian: apt-get install -y chromium)"
                        + " or pass -D" + PROPERTY + "=<executable>"));
    }

    static Optional<Path> onPath(String path) {
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
