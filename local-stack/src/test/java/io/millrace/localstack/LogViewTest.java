package io.millrace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.localstack.process.LogView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogViewTest {

    @TempDir
    Path dir;

    @Test
    void seesOnlyWhatThisAttemptWrote() throws Exception {
        Path log = dir.resolve("server.log");
        Files.writeString(log, "old run: Address already in use\nold run: started\n");
        LogView view = LogView.fromEndOf(log);
        assertThat(view.contains("Address already in use")).isFalse();
        Files.writeString(log, "new run: booting\nnew run: ready\n", StandardOpenOption.APPEND);
        assertThat(view.contains("ready")).isTrue();
        assertThat(view.contains("old run")).isFalse();
        assertThat(view.lastLines(1)).containsExactly("new run: ready");
        assertThat(view.tailForMessage(5)).contains("| new run: booting").doesNotContain("old run");
    }

    @Test
    void aMissingFileIsAnEmptyLog() {
        LogView view = LogView.fromEndOf(dir.resolve("not-yet.log"));
        assertThat(view.lastLines(10)).isEmpty();
        assertThat(view.tailForMessage(10)).contains("the log is empty");
    }
}
