package io.millrace.controlplane.upgrade.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.millrace.controlplane.upgrade.service.StateDiffView;
import io.millrace.spec.statediff.StateDiff;
import java.util.UUID;

/** {@code GET .../versions/{v}/state-diff}: pipeline-spec's per-node diff ({@code stateDiff.nodes}) and its verdict. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StateDiffResponse(Integer fromVersion, UUID fromJobId, int toVersion, boolean dropsState,
        StateDiff stateDiff) {

    static StateDiffResponse from(StateDiffView view) {
        return new StateDiffResponse(view.fromVersion(), view.fromJobId(), view.toVersion(), view.dropsState(),
                view.stateDiff());
    }
}
