package io.millrace.controlplane.job;

import static io.millrace.controlplane.job.JobState.CANCELED;
import static io.millrace.controlplane.job.JobState.CANCELLING;
import static io.millrace.controlplane.job.JobState.CREATED;
import static io.millrace.controlplane.job.JobState.FAILED;
import static io.millrace.controlplane.job.JobState.FAILING;
import static io.millrace.controlplane.job.JobState.FINISHED;
import static io.millrace.controlplane.job.JobState.RESTARTING;
import static io.millrace.controlplane.job.JobState.RUNNING;
import static io.millrace.controlplane.job.JobState.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobStateTest {

    /** The whole transition table, written out independently of the enum, so any change to it is deliberate. */
    private static final Map<JobState, Set<JobState>> LEGAL = Map.of(
            CREATED, EnumSet.of(SCHEDULED, CANCELLING, CANCELED, FAILED),
            SCHEDULED, EnumSet.of(RUNNING, FINISHED, FAILING, RESTARTING, CANCELLING),
            RUNNING, EnumSet.of(FINISHED, FAILING, RESTARTING, CANCELLING),
            FAILING, EnumSet.of(RESTARTING, FAILED, CANCELLING),
            RESTARTING, EnumSet.of(SCHEDULED, RESTARTING, FAILED, CANCELLING, CANCELED),
            CANCELLING, EnumSet.of(CANCELED),
            CANCELED, EnumSet.noneOf(JobState.class),
            FINISHED, EnumSet.noneOf(JobState.class),
            FAILED, EnumSet.noneOf(JobState.class));

    @Test
    void exactlyTheListedTransitionsAreLegal() {
        for (JobState from : JobState.values()) {
            for (JobState to : JobState.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(LEGAL.get(from).contains(to));
            }
        }
    }

    @Test
    void terminalStatesHaveNoWayOut() {
        assertThat(EnumSet.allOf(JobState.class).stream().filter(JobState::isTerminal))
                .containsExactlyInAnyOrder(CANCELED, FINISHED, FAILED);
    }

    @Test
    void aFailureNeverJumpsStraightFromRunningToRestartingWithoutFailingExceptAPlannedRedeploy() {
        // A failed attempt must pass FAILING (cancel the attempt) before RESTARTING; RUNNING -> RESTARTING exists only
        // for a planned redeploy (rescale, control-plane restart) and FAILING can never go back to RUNNING.
        assertThat(FAILING.canMoveTo(RUNNING)).isFalse();
        assertThat(FAILING.canMoveTo(SCHEDULED)).isFalse();
        assertThat(RESTARTING.canMoveTo(RUNNING)).isFalse();
    }
}
