package io.millrace.controlplane.upgrade.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.controlplane.job.JobState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UpgradeJudgeTest {

    private static final Instant SUBMITTED = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant RUNNING_AT = SUBMITTED.plusSeconds(5);
    private final UpgradeJudge judge = new UpgradeJudge(Duration.ofMinutes(2), 1);

    private static UpgradeJudge.NewJob job(JobState state, int failures, Instant firstRunning) {
        return new UpgradeJudge.NewJob(state, failures, failures == 0 ? null : "task sink#0 failed: disk full",
                "reason of " + state, SUBMITTED, firstRunning);
    }

    @Test
    void aJobThatFailedWithinTheGracePeriodIsRolledBackWithItsFailure() {
        var verdict = judge.judge(job(JobState.FAILED, 1, null), SUBMITTED.plusSeconds(3));
        assertThat(verdict).isInstanceOf(UpgradeJudge.RollBack.class);
        assertThat(((UpgradeJudge.RollBack) verdict).reason()).contains("failed").contains("disk full");
    }

    @Test
    void restartsBeyondTheToleratedNumberRollBackEvenWhileRunning() {
        assertThat(judge.judge(job(JobState.RUNNING, 1, RUNNING_AT), RUNNING_AT.plusSeconds(10)))
                .isInstanceOf(UpgradeJudge.KeepWatching.class);
        var verdict = judge.judge(job(JobState.RUNNING, 2, RUNNING_AT), RUNNING_AT.plusSeconds(10));
        assertThat(verdict).isInstanceOf(UpgradeJudge.RollBack.class);
        assertThat(((UpgradeJudge.RollBack) verdict).reason()).contains("restarted 2 times").contains("at most 1");
    }

    @Test
    void aRunningJobIsWatchedUntilTheGracePeriodSinceItFirstRanHasPassed() {
        assertThat(judge.judge(job(JobState.RUNNING, 0, RUNNING_AT), RUNNING_AT.plusSeconds(119)))
                .isInstanceOf(UpgradeJudge.KeepWatching.class);
        var verdict = judge.judge(job(JobState.RUNNING, 0, RUNNING_AT), RUNNING_AT.plusSeconds(120));
        assertThat(verdict).isInstanceOf(UpgradeJudge.Succeeded.class);
        assertThat(((UpgradeJudge.Succeeded) verdict).reason()).contains("without a failure");
    }

    @Test
    void aJobThatNeverRunsWithinTheGracePeriodIsRolledBack() {
        assertThat(judge.judge(job(JobState.SCHEDULED, 0, null), SUBMITTED.plusSeconds(60)))
                .isInstanceOf(UpgradeJudge.KeepWatching.class);
        var verdict = judge.judge(job(JobState.CREATED, 0, null), SUBMITTED.plusSeconds(120));
        assertThat(verdict).isInstanceOf(UpgradeJudge.RollBack.class);
        assertThat(((UpgradeJudge.RollBack) verdict).reason()).contains("did not reach RUNNING").contains("CREATED");
    }

    @Test
    void aRestartingJobWithinTheToleranceIsStillWatched() {
        assertThat(judge.judge(job(JobState.RESTARTING, 1, RUNNING_AT), RUNNING_AT.plusSeconds(30)))
                .isInstanceOf(UpgradeJudge.KeepWatching.class);
    }

    @Test
    void aUserStoppingTheNewJobAbandonsTheUpgradeWithoutRollback() {
        assertThat(judge.judge(job(JobState.CANCELED, 0, RUNNING_AT), RUNNING_AT.plusSeconds(1)))
                .isInstanceOf(UpgradeJudge.Abandoned.class);
        assertThat(judge.judge(job(JobState.CANCELLING, 0, RUNNING_AT), RUNNING_AT.plusSeconds(1)))
                .isInstanceOf(UpgradeJudge.Abandoned.class);
    }

    @Test
    void aBoundedJobThatFinishedSucceeded() {
        assertThat(judge.judge(job(JobState.FINISHED, 0, RUNNING_AT), RUNNING_AT.plusSeconds(1)))
                .isInstanceOf(UpgradeJudge.Succeeded.class);
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new UpgradeJudge(Duration.ZERO, 1)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new UpgradeJudge(Duration.ofSeconds(1), -1)).hasMessageContaining(">= 0");
    }
}
