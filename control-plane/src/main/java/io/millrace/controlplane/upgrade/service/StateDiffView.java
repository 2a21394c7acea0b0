package io.millrace.controlplane.upgrade.service;

import io.millrace.spec.statediff.StateDiff;
import java.util.UUID;

/**
 * The state diff from what runs (or an older version) to a version.
 *
 * @param fromVersion the version diffed from (null when {@code fromJobId} was submitted as a raw spec)
 * @param fromJobId the job diffed from, when the diff is against a job
 * @param toVersion the version that would be deployed
 * @param stateDiff pipeline-spec's per-node diff
 */
public record StateDiffView(Integer fromVersion, UUID fromJobId, int toVersion, StateDiff stateDiff) {

    public boolean dropsState() {
        return stateDiff.dropsState();
    }
}
