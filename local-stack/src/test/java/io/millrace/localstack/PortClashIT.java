package io.millrace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.localstack.process.PortSource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A port handed to a launcher is taken by someone else before the server binds it (here: a ServerSocket this test
 * holds). The launcher must notice the bind failure and start on another port.
 */
class PortClashIT {

    @Test
    void postgresRetriesOnAnotherPortWhenItsPortIsTaken() throws Exception {
        try (ServerSocket occupied = occupy()) {
            PortSource clashFirst = PortSource.firstThen(List.of(occupied.getLocalPort()), PortSource.free());
            try (PostgresServer postgres = new PostgresLauncher(PostgresConfig.defaults().withLogDir(TestLogs.dir()),
                    clashFirst).start()) {
                assertThat(postgres.port()).isNotEqualTo(occupied.getLocalPort());
                assertThat(java.nio.file.Files.readString(postgres.logFile())).contains("Address already in use");
            }
        }
    }

    @Test
    void kafkaRetriesOnAnotherPortWhenItsPortIsTaken() throws Exception {
        try (ServerSocket occupied = occupy()) {
            PortSource clashFirst = PortSource.firstThen(List.of(occupied.getLocalPort()), PortSource.free());
            try (KafkaServer kafka = new KafkaLauncher(KafkaConfig.defaults().withLogDir(TestLogs.dir()), clashFirst)
                    .start()) {
                assertThat(kafka.bootstrapServers()).isNotEqualTo("127.0.0.1:" + occupied.getLocalPort());
                assertThat(java.nio.file.Files.readString(kafka.logFile())).contains("Address already in use");
            }
        }
    }

    @Test
    void s3RetriesOnAnotherPortWhenItsPortIsTaken() throws Exception {
        try (ServerSocket occupied = occupy()) {
            PortSource clashFirst = PortSource.firstThen(List.of(occupied.getLocalPort()), PortSource.free());
            try (S3Server s3 = new S3Launcher(S3Config.defaults().withLogDir(TestLogs.dir()), clashFirst).start()) {
                assertThat(s3.endpoint().getPort()).isNotEqualTo(occupied.getLocalPort());
                assertThat(java.nio.file.Files.readString(s3.logFile())).containsIgnoringCase("already in use");
            }
        }
    }

    @Test
    void keycloakRetriesOnAnotherPortWhenItsPortIsTaken() throws Exception {
        try (ServerSocket occupied = occupy()) {
            PortSource clashFirst = PortSource.firstThen(List.of(occupied.getLocalPort()), PortSource.free());
            try (KeycloakServer keycloak = new KeycloakLauncher(KeycloakConfig.defaults().withLogDir(TestLogs.dir()),
                    clashFirst).start()) {
                assertThat(keycloak.baseUrl()).doesNotEndWith(":" + occupied.getLocalPort());
                assertThat(java.nio.file.Files.readString(keycloak.logFile())).containsIgnoringCase("already");
            }
        }
    }

    private static ServerSocket occupy() throws Exception {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }
}
