package io.millrace.controlplane.upgrade.service;

import io.millrace.controlplane.job.service.DroppedStateRef;
import io.millrace.controlplane.job.service.DroppedStatesCodec;
import io.millrace.controlplane.upgrade.UpgradeState;
import io.millrace.controlplane.upgrade.persistence.UpgradeEntity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An upgrade as the rest of the control plane sees it (never the entity). */
public record UpgradeView(UUID id, String tenantId, UUID pipelineId, String pipeline, UUID fromJobId,
        int fromVersion, UUID toJobId, int toVersion, Long savepointId, List<DroppedStateRef> droppedStates,
        UUID rollbackJobId, UpgradeState state, String reason, String requestedBy, Instant startedAt,
        Instant finishedAt, Instant updatedAt) {

    public UpgradeView {
        droppedStates = List.copyOf(droppedStates);
    }

    static UpgradeView of(UpgradeEntity e) {
        return new UpgradeView(e.id(), e.tenantId(), e.pipelineId(), e.pipelineName(), e.fromJobId(),
                e.fromVersion(), e.toJobId(), e.toVersion(), e.savepointId(),
                DroppedStatesCodec.fromJson(e.droppedStates()), e.rollbackJobId(), e.state(), e.reason(),
                e.requestedBy(), e.startedAt(), e.finishedAt(), e.updatedAt());
    }
}
