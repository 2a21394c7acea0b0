package io.millrace.localstack;

import java.nio.file.Path;

/** Where integration tests put server logs: {@code target/local-stack-logs} under Maven. */
final class TestLogs {

    private TestLogs() {
    }

    static Path dir() {
        String configured = System.getProperty("millrace.localstack.log-dir");
        return configured == null || configured.isBlank() ? Path.of("target", "local-stack-logs") : Path.of(configured);
    }
}
