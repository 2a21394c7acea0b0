package io.millrace.controlplane.upgrade.service;

import io.millrace.controlplane.job.service.DroppedStateRef;
import io.millrace.spec.model.NodeSpec;
import io.millrace.spec.model.PipelineSpec;
import io.millrace.spec.statediff.Change;
import io.millrace.spec.statediff.DeclaredState;
import io.millrace.spec.statediff.NodeStateChange;
import io.millrace.spec.statediff.StateDiff;
import io.millrace.spec.statediff.StateScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The states the workers must leave behind when the new version restores the old version's savepoint: exactly what
 * the state diff's DROPPED nodes cannot use, in the protocol's terms (engine {@code StateDrops}). A removed node, or
 * one whose type changed, drops every state (empty name); otherwise only the states whose stored format the new
 * version cannot read (gone, another fingerprint, or keyed state across a {@code maxParallelism} change) — the node's
 * other states, e.g. a window's watermark when only its size changed, are kept.
 */
public final class DroppedStates {

    private DroppedStates() {
    }

    public static List<DroppedStateRef> of(StateDiff diff, PipelineSpec from, PipelineSpec to) {
        boolean maxParallelismChanged = from.spec().maxParallelism() != to.spec().maxParallelism();
        List<DroppedStateRef> dropped = new ArrayList<>();
        for (NodeStateChange node : diff.dropped()) {
            Optional<NodeSpec> before = from.spec().node(node.nodeId());
            Optional<NodeSpec> after = to.spec().node(node.nodeId());
            if (after.isEmpty() || before.isEmpty() || !before.get().type().equals(after.get().type())) {
                dropped.add(DroppedStateRef.wholeNode(node.nodeId()));
                continue;
            }
            Map<String, DeclaredState> now = node.after().stream()
                    .collect(Collectors.toMap(DeclaredState::address, Function.identity(), (a, b) -> a));
            for (DeclaredState old : node.before()) {
                DeclaredState next = now.get(old.address());
                boolean unreadable = next == null || !next.fingerprint().equals(old.fingerprint())
                        || (maxParallelismChanged && old.scope() == StateScope.KEYED);
                if (unreadable) {
                    dropped.add(new DroppedStateRef(node.nodeId(), old.name()));
                }
            }
            if (node.change() == Change.DROPPED && dropped.stream().noneMatch(d -> d.nodeId().equals(node.nodeId()))) {
                // The differ said DROPPED for a reason this mapping does not know: drop the node rather than restore
                // state the new version may misread.
                dropped.add(DroppedStateRef.wholeNode(node.nodeId()));
            }
        }
        return List.copyOf(dropped);
    }
}
