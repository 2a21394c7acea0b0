package io.millrace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.localstack.process.MissingPrerequisiteException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each launcher fails fast, before starting anything, when what it needs is missing, and says what is missing and
 * how to install it.
 */
class MissingPrerequisitesTest {

    private static final Duration FAST = Duration.ofSeconds(5);

    @TempDir
    Path empty;

    @Test
    void postgresNamesTheDirectoryItSearchedAndHowToInstall() {
        long begin = System.nanoTime();
        assertThatThrownBy(() -> new PostgresLauncher(PostgresConfig.defaults().withBinDir(empty)).start())
                .isInstanceOf(MissingPrerequisiteException.class)
                .hasMessageContaining("PostgreSQL server binaries")
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("apt-get install -y postgresql")
                .hasMessageContaining("MILLRACE_PG_BIN");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(FAST);
    }

    @Test
    void postgresIsNotFooledByADirectoryWithOnlySomeOfTheBinaries() throws Exception {
        Path initdb = Files.createFile(empty.resolve("initdb"));
        initdb.toFile().setExecutable(true);
        assertThatThrownBy(() -> new PostgresLauncher(PostgresConfig.defaults().withBinDir(empty)).start())
                .isInstanceOf(MissingPrerequisiteException.class)
                .hasMessageContaining("initdb, postgres, pg_ctl");
    }

    @Test
    void kafkaNamesTheMissingBrokerJarsAndTheBuildCommand() {
        long begin = System.nanoTime();
        assertThatThrownBy(() -> new KafkaLauncher(KafkaConfig.defaults().withMavenRepository(empty)).start())
                .isInstanceOf(MissingPrerequisiteException.class)
                .hasMessageContaining("Kafka broker jars missing")
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("kafka_2.13")
                .hasMessageContaining("mvn -pl local-stack install");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(FAST);
    }

    @Test
    void keycloakNamesTheMissingDistribution() {
        long begin = System.nanoTime();
        assertThatThrownBy(() -> new KeycloakLauncher(KeycloakConfig.defaults().withMavenRepository(empty)
                .withCacheDir(empty.resolve("cache"))).start())
                .isInstanceOf(MissingPrerequisiteException.class)
                .hasMessageContaining("Keycloak distribution not found")
                .hasMessageContaining("org.keycloak:keycloak-quarkus-dist:" + ServerVersions.keycloak() + ":zip")
                .hasMessageContaining("mvn -pl local-stack install");
        assertThat(empty.resolve("cache")).as("nothing unzipped").doesNotExist();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(FAST);
    }

    @Test
    void s3NamesTheMissingJar() {
        long begin = System.nanoTime();
        assertThatThrownBy(() -> new S3Launcher(S3Config.defaults().withMavenRepository(empty)).start())
                .isInstanceOf(MissingPrerequisiteException.class)
                .hasMessageContaining("S3Mock executable jar not found")
                .hasMessageContaining("com.adobe.testing:s3mock:" + ServerVersions.s3mock() + ":exec:jar")
                .hasMessageContaining("mvn -pl local-stack install");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(FAST);
    }
}
