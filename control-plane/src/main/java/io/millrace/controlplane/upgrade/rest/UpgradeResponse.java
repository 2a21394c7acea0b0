package io.millrace.controlplane.upgrade.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.millrace.controlplane.job.service.DroppedStateRef;
import io.millrace.controlplane.upgrade.UpgradeState;
import io.millrace.controlplane.upgrade.service.StateDiffView;
import io.millrace.controlplane.upgrade.service.UpgradeView;
import io.millrace.spec.statediff.StateDiff;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An upgrade; the deploy's 202 answer also carries the {@code stateDiff} it was decided on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpgradeResponse(UUID id, String pipeline, UpgradeState state, String reason, UUID fromJobId,
        int fromVersion, UUID toJobId, int toVersion, Long savepointId, List<DroppedStateRef> droppedStates,
        UUID rollbackJobId, String requestedBy, Instant startedAt, Instant finishedAt, StateDiff stateDiff) {

    public static UpgradeResponse from(UpgradeView u, StateDiffView diff) {
        return new UpgradeResponse(u.id(), u.pipeline(), u.state(), u.reason(), u.fromJobId(), u.fromVersion(),
                u.toJobId(), u.toVersion(), u.savepointId(), u.droppedStates(), u.rollbackJobId(), u.requestedBy(),
                u.startedAt(), u.finishedAt(), diff == null ? null : diff.stateDiff());
    }
}
