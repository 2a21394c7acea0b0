package io.millrace.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.cli.CliEnvironment;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes the CLI's config file. The file holds a token, so it is created owner-read/write only (0600) and
 * written through a temporary file that already has those permissions: no moment exists where another user could
 * read the token. A config readable by others still works, with a warning (the user may have copied it).
 */
public final class ConfigStore {

    public static final String CONFIG_VARIABLE = "MILLRACE_CONFIG";
    public static final String URL_VARIABLE = "MILLRACE_URL";
    public static final String TOKEN_VARIABLE = "MILLRACE_TOKEN";

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final ObjectMapper json;

    public ConfigStore(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    /** {@code $MILLRACE_CONFIG}, else {@code <home>/.config/millrace/config.json}. */
    public static ConfigStore of(CliEnvironment env, ObjectMapper json) {
        Path file = env.variable(CONFIG_VARIABLE).map(Path::of)
                .orElse(env.home().resolve(".config").resolve("millrace").resolve("config.json"));
        return new ConfigStore(file, json);
    }

    public Path file() {
        return file;
    }

    /** The stored login, if any. */
    public Optional<CliConfig> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), CliConfig.class));
        } catch (JsonProcessingException e) {
            throw new ConfigFileException(file + " is not a valid Millrace config (" + e.getOriginalMessage()
                    + "); delete it or run 'millrace login' again", e);
        } catch (IOException e) {
            throw new ConfigFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether others than the owner may read or write the file (only knowable on POSIX file systems). */
    public boolean readableByOthers() {
        if (!Files.exists(file) || !posix()) {
            return false;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return !OWNER_ONLY.containsAll(permissions);
        } catch (IOException e) {
            return false;
        }
    }

    /** Replaces the stored login; the file is 0600 from its first byte. */
    public void write(CliConfig config) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                if (posix()) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                } else {
                    Files.createDirectories(dir);
                }
            }
            Path temp = posix()
                    ? Files.createTempFile(dir, ".config-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".config-", ".tmp");
            try {
                Files.write(temp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(config));
                move(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ConfigFileException("cannot write " + file + ": " + e.getMessage()
                    + "; set MILLRACE_CONFIG to a writable path", e);
        }
    }

    /** Removes the stored login; false when there was none. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ConfigFileException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where to connect and with which token: {@code MILLRACE_URL} and {@code MILLRACE_TOKEN} each override the stored
     * value, so CI can run without a config file at all.
     */
    public Connection connection(CliEnvironment env) {
        Optional<CliConfig> stored = env.variable(URL_VARIABLE).isPresent() && env.variable(TOKEN_VARIABLE).isPresent()
                ? Optional.empty()
                : read();
        String url = env.variable(URL_VARIABLE).orElse(stored.map(CliConfig::url).orElse(null));
        String token = env.variable(TOKEN_VARIABLE).orElse(stored.map(CliConfig::token).orElse(null));
        if (url == null || url.isBlank() || token == null || token.isBlank()) {
            throw new NotLoggedInException("not logged in: run 'millrace login --url URL --token TOKEN' (stored in "
                    + file + ") or set " + URL_VARIABLE + " and " + TOKEN_VARIABLE);
        }
        return new Connection(url, token);
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
