package io.millrace.controlplane.upgrade.service;

import io.millrace.controlplane.job.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides, from what the new job of an upgrade did so far, whether to keep watching it, to declare the upgrade
 * SUCCEEDED, to roll back to the old version, or to give up watching (a user took over). Pure: the watcher supplies
 * the facts and carries out the verdict.
 */
public final class UpgradeJudge {

    /** What the new job did: its state, failures so far, and when it was submitted and first RUNNING (or null). */
    public record NewJob(JobState state, int failureCount, String lastFailure, String stateReason,
            Instant submittedAt, Instant firstRunningAt) {

        public NewJob {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(submittedAt, "submittedAt");
        }
    }

    /** The outcome of one look at an upgrade. */
    public sealed interface Verdict {
    }

    /** Still within the grace period: look again later. */
    public record KeepWatching() implements Verdict {
    }

    /** The new job proved itself: the upgrade SUCCEEDED. */
    public record Succeeded(String reason) implements Verdict {
    }

    /** The new job failed within the grace period: stop it and resume the old version from the savepoint. */
    public record RollBack(String reason) implements Verdict {
    }

    /** The new job was stopped by someone: no automatic action, the upgrade FAILED with the reason. */
    public record Abandoned(String reason) implements Verdict {
    }

    private final Duration gracePeriod;
    private final int maxRestarts;

    public UpgradeJudge(Duration gracePeriod, int maxRestarts) {
        if (gracePeriod.isNegative() || gracePeriod.isZero()) {
            throw new IllegalArgumentException("upgrade grace period must be positive, was " + gracePeriod);
        }
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("upgrade max restarts must be >= 0, was " + maxRestarts);
        }
        this.gracePeriod = gracePeriod;
        this.maxRestarts = maxRestarts;
    }

    public Verdict judge(NewJob job, Instant now) {
        String lastFailure = job.lastFailure() == null ? job.stateReason() : job.lastFailure();
        // Failures first: a job that failed and then ran again still counts its restarts.
        if (job.state() == JobState.FAILED) {
            return new RollBack("the new job failed: " + describe(lastFailure));
        }
        if (job.failureCount() > maxRestarts) {
            return new RollBack("the new job restarted " + job.failureCount() + " times within the grace period"
                    + " (at most " + maxRestarts + " tolerated); last failure: " + describe(lastFailure));
        }
        switch (job.state()) {
            case CANCELLING, CANCELED -> {
                return new Abandoned("the new job was stopped (" + describe(job.stateReason()) + ") before the"
                        + " grace period ended; nothing was rolled back");
            }
            case FINISHED -> {
                return new Succeeded("the new job finished");
            }
            default -> {
            }
        }
        if (job.firstRunningAt() != null) {
            if (!now.isBefore(job.firstRunningAt().plus(gracePeriod))) {
                return new Succeeded("the new job ran for the grace period of " + gracePeriod.toSeconds() + " s"
                        + (job.failureCount() == 0 ? " without a failure" : " with " + job.failureCount()
                                + " restart(s)"));
            }
            return new KeepWatching();
        }
        if (!now.isBefore(job.submittedAt().plus(gracePeriod))) {
            return new RollBack("the new job did not reach RUNNING within the grace period of "
                    + gracePeriod.toSeconds() + " s (it is " + job.state() + ": " + describe(job.stateReason())
                    + ")");
        }
        return new KeepWatching();
    }

    private static String describe(String text) {
        return text == null || text.isBlank() ? "no cause given" : text;
    }
}
