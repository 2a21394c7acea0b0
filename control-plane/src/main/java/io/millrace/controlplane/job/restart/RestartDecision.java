package io.millrace.controlplane.job.restart;

import java.time.Duration;

/** A restart policy's answer to a failure. */
public sealed interface RestartDecision {

    /** Deploy the next attempt after {@code delay}. */
    record Restart(Duration delay) implements RestartDecision {
    }

    /** Fail the job; {@code why} is appended to the last cause. */
    record GiveUp(String why) implements RestartDecision {
    }
}
