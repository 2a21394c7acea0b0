package io.millrace.localstack.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a JDK for a child JVM: the one running this code if it is new enough, else an explicitly configured one,
 * else a sibling installation of the running JDK (the directory that holds {@code java.home} usually holds the
 * machine's other JDKs too). Nothing is hard-coded: versions come from each JDK's {@code release} file.
 */
public final class JavaRuntimes {

    private JavaRuntimes() {
    }

    /** A JDK installation and its feature version (17, 21, ...). */
    public record Jdk(Path home, int featureVersion) {

        public Path javaExecutable() {
            return home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        }
    }

    /** The JDK running this code. */
    public static Jdk current() {
        return new Jdk(Path.of(System.getProperty("java.home")), Runtime.version().feature());
    }

    /**
     * A JDK of at least {@code minimumFeature}.
     *
     * @param overrideVariable environment variable (also read as a system property of the same name) naming a JDK
     *        home to use instead of searching
     */
    public static Jdk atLeast(int minimumFeature, String overrideVariable, String neededBy) {
        String override = Optional.ofNullable(System.getProperty(overrideVariable))
                .orElse(System.getenv(overrideVariable));
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override);
            Jdk jdk = read(home).orElseThrow(() -> new MissingPrerequisiteException(overrideVariable + "=" + override
                    + " is not a JDK home (no readable release file with JAVA_VERSION and no bin/java)."));
            if (jdk.featureVersion() < minimumFeature) {
                throw new MissingPrerequisiteException(overrideVariable + "=" + override + " is Java "
                        + jdk.featureVersion() + ", but " + neededBy + " needs Java " + minimumFeature + " or newer.");
            }
            return jdk;
        }
        Jdk current = current();
        if (current.featureVersion() >= minimumFeature) {
            return current;
        }
        List<Path> looked = new ArrayList<>();
        Optional<Jdk> sibling = siblingsOf(current.home(), looked).stream()
                .filter(jdk -> jdk.featureVersion() >= minimumFeature)
                .min(Comparator.comparingInt(Jdk::featureVersion));
        return sibling.orElseThrow(() -> new MissingPrerequisiteException(neededBy + " needs Java " + minimumFeature
                + " or newer; this JVM is Java " + current.featureVersion() + " and no newer JDK was found next to it"
                + " (looked in " + looked + "). Install one (e.g. apt-get install -y openjdk-" + minimumFeature
                + "-jdk-headless) or set " + overrideVariable + " to its home."));
    }

    /** The JDK installed at {@code home}, if it is one. */
    public static Optional<Jdk> read(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isRegularFile(new Jdk(home, 0).javaExecutable())) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "").strip();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        return parseFeature(version).map(feature -> new Jdk(home, feature));
    }

    /** "17.0.15" → 17, "1.8.0_402" → 8, "25" → 25. */
    static Optional<Integer> parseFeature(String version) {
        try {
            String[] parts = version.split("[._+-]");
            int first = Integer.parseInt(parts[0]);
            return Optional.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Jdk> siblingsOf(Path currentHome, List<Path> looked) {
        // A JRE-style java.home (…/jdk/jre) has its JDK one level up; look at both parents.
        List<Path> parents = new ArrayList<>();
        Path parent = currentHome.toAbsolutePath().getParent();
        if (parent != null) {
            parents.add(parent);
            if (currentHome.getFileName() != null && currentHome.getFileName().toString().equals("jre")
                    && parent.getParent() != null) {
                parents.add(parent.getParent());
            }
        }
        List<Jdk> found = new ArrayList<>();
        for (Path directory : parents) {
            looked.add(directory);
            try (Stream<Path> entries = Files.list(directory)) {
                entries.filter(Files::isDirectory).map(JavaRuntimes::read).flatMap(Optional::stream)
                        .forEach(found::add);
            } catch (IOException e) {
                // Unreadable: nothing found there.
            }
        }
        return found;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").startsWith("Windows");
    }
}
