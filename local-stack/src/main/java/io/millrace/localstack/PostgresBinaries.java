package io.millrace.localstack;

import io.millrace.localstack.process.MissingPrerequisiteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The directory holding the PostgreSQL server binaries ({@code initdb}, {@code postgres}, {@code pg_ctl}). */
record PostgresBinaries(Path binDir) {

    static final String OVERRIDE = "MILLRACE_PG_BIN";
    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");

    Path initdb() {
        return binDir.resolve("initdb");
    }

    Path postgres() {
        return binDir.resolve("postgres");
    }

    Path pgCtl() {
        return binDir.resolve("pg_ctl");
    }

    /**
     * Finds the binaries, or fails with what was searched and how to install them.
     *
     * @param configured a directory to use exclusively (null: discover)
     */
    static PostgresBinaries locate(Path configured) {
        List<Path> candidates = new ArrayList<>();
        if (configured != null) {
            candidates.add(configured);
        } else {
            candidates.addAll(discoveryOrder());
        }
        Set<Path> looked = new LinkedHashSet<>();
        for (Path candidate : candidates) {
            looked.add(candidate);
            if (isServerBinDir(candidate)) {
                return new PostgresBinaries(candidate);
            }
        }
        throw new MissingPrerequisiteException("PostgreSQL server binaries (initdb, postgres, pg_ctl) not found (looked"
                + " in " + looked + "). Install: apt-get install -y postgresql, or set " + OVERRIDE
                + " to the directory that holds them.");
    }

    private static List<Path> discoveryOrder() {
        List<Path> order = new ArrayList<>();
        String override = Optional.ofNullable(System.getProperty(OVERRIDE)).orElse(System.getenv(OVERRIDE));
        if (override != null && !override.isBlank()) {
            // An explicit setting wins alone: silently falling back would hide a typo.
            order.add(Path.of(override));
            return order;
        }
        pgConfigBinDir().ifPresent(order::add);
        newestDebianBinDir().ifPresent(order::add);
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                order.add(Path.of(entry));
            }
        }
        return order;
    }

    private static Optional<Path> pgConfigBinDir() {
        try {
            Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && !output.isEmpty()) {
                return Optional.of(Path.of(output));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Debian installs each major version in {@code /usr/lib/postgresql/<major>/bin}; take the newest present. */
    private static Optional<Path> newestDebianBinDir() {
        if (!Files.isDirectory(DEBIAN_VERSIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
            return versions.filter(dir -> dir.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .max(Comparator.comparingDouble(dir -> Double.parseDouble(dir.getFileName().toString())))
                    .map(dir -> dir.resolve("bin"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isServerBinDir(Path dir) {
        return Stream.of("initdb", "postgres", "pg_ctl").allMatch(name -> Files.isExecutable(dir.resolve(name)));
    }
}
