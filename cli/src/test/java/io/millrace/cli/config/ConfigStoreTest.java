package io.millrace.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.cli.CliEnvironment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private CliEnvironment env(Map<String, String> variables) {
        return new CliEnvironment(variables, home, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), new ByteArrayInputStream(new byte[0]));
    }

    @Test
    void defaultsToDotConfigUnderHomeAndWritesOwnerOnly() throws Exception {
        ConfigStore store = ConfigStore.of(env(Map.of()), JSON);
        assertThat(store.file()).isEqualTo(home.resolve(".config/millrace/config.json"));

        store.write(new CliConfig("https://millrace.example.com", "mr_secret"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file().getParent())))
                .isEqualTo("rwx------");
        assertThat(store.read()).contains(new CliConfig("https://millrace.example.com", "mr_secret"));
        assertThat(store.readableByOthers()).isFalse();
        try (var files = Files.list(store.file().getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(store.file());
        }
    }

    @Test
    void overwritingAWorldReadableConfigMakesItOwnerOnlyAgain() throws Exception {
        Path file = home.resolve("custom.json");
        ConfigStore store = ConfigStore.of(env(Map.of("MILLRACE_CONFIG", file.toString())), JSON);
        Files.writeString(file, "{\"url\":\"http://old\",\"token\":\"old\"}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(store.readableByOthers()).isTrue();

        store.write(new CliConfig("http://new", "mr_new"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(store.readableByOthers()).isFalse();
        assertThat(store.read().orElseThrow().url()).isEqualTo("http://new");
    }

    @Test
    void environmentOverridesTheStoredLogin() {
        ConfigStore store = ConfigStore.of(env(Map.of()), JSON);
        store.write(new CliConfig("https://stored.example.com/", "mr_stored"));

        assertThat(store.connection(env(Map.of()))).isEqualTo(new Connection("https://stored.example.com", "mr_stored"));
        assertThat(store.connection(env(Map.of("MILLRACE_TOKEN", "mr_env"))))
                .isEqualTo(new Connection("https://stored.example.com", "mr_env"));
        assertThat(store.connection(env(Map.of("MILLRACE_URL", "http://127.0.0.1:9", "MILLRACE_TOKEN", "mr_env"))))
                .isEqualTo(new Connection("http://127.0.0.1:9", "mr_env"));
    }

    @Test
    void withoutLoginOrEnvironmentItSaysHowToLogIn() {
        ConfigStore store = ConfigStore.of(env(Map.of()), JSON);
        assertThatThrownBy(() -> store.connection(env(Map.of("MILLRACE_URL", "http://x"))))
                .isInstanceOf(NotLoggedInException.class)
                .hasMessageContaining("millrace login --url URL --token TOKEN")
                .hasMessageContaining("MILLRACE_TOKEN");
    }

    @Test
    void aCorruptConfigNamesTheFile() throws Exception {
        ConfigStore store = ConfigStore.of(env(Map.of()), JSON);
        Files.createDirectories(store.file().getParent());
        Files.writeString(store.file(), "{not json");
        assertThatThrownBy(store::read).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining(store.file().toString()).hasMessageContaining("millrace login");
    }

    @Test
    void deleteReportsWhetherThereWasALogin() {
        ConfigStore store = ConfigStore.of(env(Map.of()), JSON);
        assertThat(store.delete()).isFalse();
        store.write(new CliConfig("http://x", "mr_t"));
        assertThat(store.delete()).isTrue();
        assertThat(store.read()).isEmpty();
    }

    @Test
    void printingAConfigOrConnectionNeverShowsTheToken() {
        assertThat(new CliConfig("http://x", "mr_topsecret").toString()).doesNotContain("mr_topsecret");
        assertThat(new Connection("http://x", "mr_topsecret").toString()).doesNotContain("mr_topsecret");
    }
}
