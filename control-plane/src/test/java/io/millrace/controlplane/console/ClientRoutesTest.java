package io.millrace.controlplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientRoutesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/builder", "/pipelines", "/pipelines/word-count", "/pipelines/word-count/versions/3",
            "/jobs/6f1c2a", "/jobs/6f1c2a/checkpoints", "/admin/tokens", "/auth/callback", "/no-such-page",
            "/apis", "/quarkus", "/assetsy"})
    void consoleDeepLinksAreClientRoutes(String path) {
        assertThat(ClientRoutes.isClientRoute(path)).as(path).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api", "/api/v1/pipelines", "/api/v1/nothing-here", "/q", "/q/health",
            "/q/swagger-ui", "/assets", "/assets/index-3f2a.js", "/favicon.ico", "/index.html", "/jobs/report.csv",
            "builder", ""})
    void serverPathsAndFilesAreNot(String path) {
        assertThat(ClientRoutes.isClientRoute(path)).as(path).isFalse();
    }
}
