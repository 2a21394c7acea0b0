package io.millrace.controlplane.job;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a job. Every legal transition is listed in {@link #successors()}, and only there; whatever changes a
 * job's state goes through {@link #canMoveTo(JobState)}.
 *
 * <pre>
 *   CREATED ─▶ SCHEDULED ─▶ RUNNING ─▶ FINISHED
 *      │           │           │
 *      │           └──┬────────┘ task failed / worker lost
 *      │              ▼
 *      │           FAILING ─▶ RESTARTING ─▶ SCHEDULED (next attempt)
 *      │                          └─▶ FAILED (restart strategy exhausted)
 *      └─▶ CANCELLING ◀── any live state ──▶ CANCELED
 *   RUNNING ─▶ RESTARTING (rescale: savepoint, cancel, redeploy at the new parallelism)
 * </pre>
 */
public enum JobState {
    /** Accepted and persisted; waiting for slots (the reason says why when it waits). */
    CREATED,
    /** An attempt is deployed; not all its tasks run yet. */
    SCHEDULED,
    /** Every task of the current attempt runs. */
    RUNNING,
    /** A task failed or a worker was lost: the attempt is being cancelled. */
    FAILING,
    /** Waiting for the restart delay or for slots before the next attempt. */
    RESTARTING,
    /** A cancel was asked; waiting for the tasks to stop. */
    CANCELLING,
    /** Terminal: cancelled by a user (possibly after a savepoint). */
    CANCELED,
    /** Terminal: every task finished (bounded input). */
    FINISHED,
    /** Terminal: the restart strategy gave up; the reason is the last cause. */
    FAILED;

    public boolean canMoveTo(JobState next) {
        return successors().contains(next);
    }

    public boolean isTerminal() {
        return this == CANCELED || this == FINISHED || this == FAILED;
    }

    private Set<JobState> successors() {
        return switch (this) {
            // CREATED -> FAILED: the first deployment was impossible for good (e.g. the savepoint to resume from is gone).
            case CREATED -> EnumSet.of(SCHEDULED, CANCELLING, CANCELED, FAILED);
            case SCHEDULED -> EnumSet.of(RUNNING, FINISHED, FAILING, RESTARTING, CANCELLING);
            // RUNNING -> RESTARTING is a planned redeploy (rescale, control-plane restart); failures go via FAILING.
            case RUNNING -> EnumSet.of(FINISHED, FAILING, RESTARTING, CANCELLING);
            case FAILING -> EnumSet.of(RESTARTING, FAILED, CANCELLING);
            case RESTARTING -> EnumSet.of(SCHEDULED, RESTARTING, FAILED, CANCELLING, CANCELED);
            case CANCELLING -> EnumSet.of(CANCELED);
            case CANCELED, FINISHED, FAILED -> EnumSet.noneOf(JobState.class);
        };
    }
}
