package io.millrace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {

    @TempDir
    Path dir;

    private final Map<String, String> environment = new LinkedHashMap<>(Map.of());

    {
        environment.put("MILLRACE_PG_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/millrace");
        environment.put("MILLRACE_PG_PASSWORD", "s3cr3t");
        environment.put("MILLRACE_S3_SECRET_ACCESS_KEY", "k3y");
    }

    @Test
    void theFileHasTheRealValuesInOrderAndIsOwnerOnly() throws Exception {
        Path file = dir.resolve("stack.env");
        EnvFile.write(file, environment);
        assertThat(Files.readAllLines(file)).containsExactly(
                "MILLRACE_PG_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/millrace",
                "MILLRACE_PG_PASSWORD=s3cr3t",
                "MILLRACE_S3_SECRET_ACCESS_KEY=k3y");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theTerminalCopyMasksSecrets() {
        String masked = EnvFile.renderMasked(environment, Path.of("/d/stack.env"));
        assertThat(masked).contains("MILLRACE_PG_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/millrace")
                .contains("MILLRACE_PG_PASSWORD=<see /d/stack.env>")
                .doesNotContain("s3cr3t").doesNotContain("k3y");
    }
}
