package io.millrace.controlplane.upgrade;

/** Where an upgrade is: watched, or ended one way. Only IN_PROGRESS may move, and only to an end. */
public enum UpgradeState {
    /** The old job is being stopped, or the new job is being watched during the grace period. */
    IN_PROGRESS,
    /** The new job ran through the grace period (or finished). */
    SUCCEEDED,
    /** The new job failed within the grace period: the old version runs again from the same savepoint. */
    ROLLED_BACK,
    /** The upgrade could not be carried out or was abandoned; the reason says what runs now. */
    FAILED;

    public boolean canMoveTo(UpgradeState next) {
        return this == IN_PROGRESS && next != IN_PROGRESS;
    }

    public boolean ended() {
        return this != IN_PROGRESS;
    }
}
