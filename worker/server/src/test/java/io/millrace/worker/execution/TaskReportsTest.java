package io.millrace.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class TaskReportsTest {

    @Test
    void aFailureIsOneLineWithTheRootCauseClassAndMessage() {
        var failure = new IllegalStateException("task out#1 failed",
                new UncheckedIOException("writing part", new IOException("disk full\non /data")));
        assertThat(TaskReports.oneLine(failure))
                .isEqualTo("java.io.IOException: disk full on /data (in: task out#1 failed)");
    }

    @Test
    void anOuterMessageThatQuotesTheCauseIsKeptWhole() {
        var failure = new DeploymentException("RestoreState.task_states[2] of checkpoint 9 cannot be decoded: bad tag",
                true, new IllegalArgumentException("bad tag"));
        assertThat(TaskReports.oneLine(failure)).isEqualTo("java.lang.IllegalArgumentException:"
                + " RestoreState.task_states[2] of checkpoint 9 cannot be decoded: bad tag");
    }

    @Test
    void aFailureWithoutCauseIsItself() {
        assertThat(TaskReports.oneLine(new ArithmeticException("/ by zero")))
                .isEqualTo("java.lang.ArithmeticException: / by zero");
    }
}
