package io.millrace.controlplane.worker;

import static io.millrace.controlplane.worker.WorkerState.CONNECTED;
import static io.millrace.controlplane.worker.WorkerState.DISCONNECTED;
import static io.millrace.controlplane.worker.WorkerState.LOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkerStateTest {

    @Test
    void onlyTheWhitelistedTransitionsAreLegal() {
        assertThat(legalFrom(CONNECTED)).containsExactlyInAnyOrder(CONNECTED, LOST, DISCONNECTED);
        assertThat(legalFrom(LOST)).containsExactly(CONNECTED);
        assertThat(legalFrom(DISCONNECTED)).containsExactly(CONNECTED);
    }

    private static Set<WorkerState> legalFrom(WorkerState from) {
        Set<WorkerState> legal = EnumSet.noneOf(WorkerState.class);
        for (WorkerState to : WorkerState.values()) {
            if (from.canMoveTo(to)) {
                legal.add(to);
            }
        }
        return legal;
    }
}
