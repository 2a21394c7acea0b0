package io.millrace.controlplane.worker;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the control plane believes about a worker. Only the transitions listed here are legal; everything that changes
 * a worker's state goes through {@link #canMoveTo(WorkerState)}.
 *
 * <pre>
 *   (registration) ─▶ CONNECTED ──heartbeat deadline missed──▶ LOST ──registers again──▶ CONNECTED
 *                        │  ▲                                                          
 *          stream closed │  │ registers again                                          
 *                        ▼  │                                                          
 *                    DISCONNECTED
 * </pre>
 */
public enum WorkerState {
    /** Registered over a live stream and heartbeating in time. */
    CONNECTED,
    /** Its stream may still look open, but it missed the heartbeat deadline: its tasks must be treated as gone. */
    LOST,
    /** Its stream closed (worker shut down, network dropped). */
    DISCONNECTED;

    /** Whether a worker in this state may move to {@code next}. CONNECTED → CONNECTED is a re-registration. */
    public boolean canMoveTo(WorkerState next) {
        return successors().contains(next);
    }

    private Set<WorkerState> successors() {
        return switch (this) {
            case CONNECTED -> EnumSet.of(CONNECTED, LOST, DISCONNECTED);
            // A LOST worker's stream is closed by the control plane itself, so it never becomes DISCONNECTED; it comes
            // back only by registering again.
            case LOST -> EnumSet.of(CONNECTED);
            case DISCONNECTED -> EnumSet.of(CONNECTED);
        };
    }
}
