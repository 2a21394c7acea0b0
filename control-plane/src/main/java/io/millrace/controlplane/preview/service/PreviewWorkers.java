package io.millrace.controlplane.preview.service;

import io.millrace.controlplane.worker.WorkerState;
import io.millrace.controlplane.worker.grpc.WorkerSessions;
import io.millrace.controlplane.worker.service.WorkerRegistry;
import io.millrace.controlplane.worker.service.WorkerView;
import io.millrace.protocol.ProtocolVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which worker runs a preview: a CONNECTED worker with an open session on this instance whose protocol supports
 * previews (an older one would ignore {@code RunPreview} and never answer). Previews take no slot, so the choice
 * rotates over the eligible workers, most free slots first within a rotation, to spread the sandboxes.
 */
@ApplicationScoped
public class PreviewWorkers {

    private final WorkerRegistry registry;
    private final WorkerSessions sessions;
    private final AtomicLong turns = new AtomicLong();

    public PreviewWorkers(WorkerRegistry registry, WorkerSessions sessions) {
        this.registry = registry;
        this.sessions = sessions;
    }

    /** The worker to ask, or the reason there is none (for the 503 answer). */
    public Choice choose() {
        List<WorkerView> connected = registry.list().stream()
                .filter(w -> w.state() == WorkerState.CONNECTED && sessions.isOpen(w.id()))
                .toList();
        if (connected.isEmpty()) {
            return new Choice.None("no worker is connected to the control plane; start a worker (see worker/server"
                    + " README) and try again");
        }
        List<WorkerView> eligible = connected.stream().filter(w -> supportsPreviews(w.protocolVersion()))
                .sorted(Comparator.comparingInt(WorkerView::freeSlots).reversed().thenComparing(WorkerView::id))
                .toList();
        if (eligible.isEmpty()) {
            return new Choice.None("no connected worker speaks protocol " + ProtocolVersion.PREVIEWS
                    + " or newer, which previews need (connected: " + String.join(", ", connected.stream()
                            .map(w -> w.id() + " speaks " + w.protocolVersion()).toList())
                    + "); upgrade a worker");
        }
        int index = (int) Math.floorMod(turns.getAndIncrement(), (long) eligible.size());
        return new Choice.Worker(eligible.get(index).id());
    }

    private static boolean supportsPreviews(String version) {
        try {
            return ProtocolVersion.parse(version).supports(ProtocolVersion.PREVIEWS);
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }

    /** Outcome of {@link #choose()}. */
    public sealed interface Choice {
        record Worker(String workerId) implements Choice {
        }

        record None(String reason) implements Choice {
        }
    }
}
