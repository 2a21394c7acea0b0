package io.millrace.localstack;

import io.millrace.localstack.process.Directories;
import io.millrace.localstack.process.MavenArtifacts;
import io.millrace.localstack.process.ServerStartException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak's distribution, unzipped once into a cache directory and shared by every instance on the machine.
 *
 * <p>Installing happens under a file lock (several test JVMs may start at once) into a side directory that is moved
 * into place only when complete, so an interrupted unzip never leaves a half distribution behind. The first
 * {@code start-dev} on a fresh distribution re-augments it (writes {@code lib/quarkus}); {@link #firstStartLock()}
 * serializes that first start across JVMs so two of them never write it at once.
 */
record KeycloakDistribution(Path home) {

    private static final System.Logger LOG = System.getLogger(KeycloakDistribution.class.getName());
    private static final String INSTALLED_MARKER = ".millrace-installed";
    private static final String AUGMENTED_MARKER = ".millrace-augmented";

    static Path defaultCacheDir(String version) {
        String configured = Optional.ofNullable(System.getProperty("millrace.keycloak.cache-dir"))
                .orElse(System.getenv("MILLRACE_KEYCLOAK_CACHE_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "millrace", "keycloak-" + version);
    }

    /** The distribution in {@code cacheDir}, unzipping {@code zip} there first if needed. */
    static KeycloakDistribution install(Path zip, Path cacheDir) {
        Path target = cacheDir.toAbsolutePath();
        if (Files.isRegularFile(target.resolve(INSTALLED_MARKER))) {
            return new KeycloakDistribution(target);
        }
        Directories.create(target.getParent());
        try (HeldLock ignored = lock(target.getParent().resolve(target.getFileName() + ".lock"))) {
            if (Files.isRegularFile(target.resolve(INSTALLED_MARKER))) {
                return new KeycloakDistribution(target);
            }
            long begin = System.nanoTime();
            Directories.deleteTree(target);
            Path partial = target.resolveSibling(target.getFileName() + ".partial-" + ProcessHandle.current().pid());
            Directories.deleteTree(partial);
            unzipStrippingTopDirectory(zip, partial);
            makeScriptsExecutable(partial.resolve("bin"));
            Files.writeString(partial.resolve(INSTALLED_MARKER), zip.getFileName() + "\n");
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.log(Level.INFO, "local-stack keycloak: unzipped " + zip.getFileName() + " into " + target + " in "
                    + (System.nanoTime() - begin) / 1_000_000 + " ms (once per machine)");
            return new KeycloakDistribution(target);
        } catch (IOException e) {
            throw new ServerStartException("Could not unzip the Keycloak distribution " + zip + " into " + target
                    + ": " + e.getMessage() + ". Check free disk space, or set millrace.keycloak.cache-dir.", e);
        }
    }

    Path kcScript() {
        return home.resolve("bin").resolve("kc.sh");
    }

    boolean augmented() {
        return Files.isRegularFile(home.resolve(AUGMENTED_MARKER));
    }

    void markAugmented() {
        try {
            Files.writeString(home.resolve(AUGMENTED_MARKER), "start-dev --health-enabled=true\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Held by the first start on this distribution until it is ready. Null when that start already happened (later
     * starts reuse the augmented distribution and need no lock).
     */
    HeldLock firstStartLock() {
        if (augmented()) {
            return null;
        }
        try {
            return lock(home.resolve(".first-start.lock"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock " + home + " for Keycloak's first start", e);
        }
    }

    /** A held lock; closing it closes its channel, which releases the lock and the file descriptor. */
    record HeldLock(FileChannel channel) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** A lock shared by JVMs (the file lock) and by threads of this JVM (file locks are per JVM, not per thread). */
    private static HeldLock lock(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        while (true) {
            try {
                FileLock ignored = channel.lock();
                return new HeldLock(channel);
            } catch (java.nio.channels.OverlappingFileLockException e) {
                // Another thread of this JVM holds it: wait for it like another JVM would be waited for.
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    channel.close();
                    throw new IOException("Interrupted while waiting for " + lockFile, interrupted);
                }
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }
    }

    private static void unzipStrippingTopDirectory(Path zip, Path destination) throws IOException {
        Directories.create(destination);
        Path root = destination.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path path = root.resolve(name.substring(slash + 1)).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("Zip entry outside the target directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    copy(in, path);
                }
            }
        }
    }

    private static void copy(InputStream in, Path path) throws IOException {
        Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void makeScriptsExecutable(Path bin) throws IOException {
        try (var scripts = Files.list(bin)) {
            for (Path script : scripts.filter(path -> path.toString().endsWith(".sh")).toList()) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }
}
