package io.millrace.controlplane.worker.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.controlplane.worker.WorkerState;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkerEntityTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static WorkerEntity registered(int slots) {
        WorkerEntity worker = WorkerEntity.firstRegistration("w-1");
        worker.register(UUID.randomUUID(), "host-a", slots, 1024, "0.1.0", "1.0", "host-a:7070", T0);
        return worker;
    }

    @Test
    void registrationMakesItConnectedWithAllSlotsFree() {
        WorkerEntity worker = registered(4);
        assertThat(worker.state()).isEqualTo(WorkerState.CONNECTED);
        assertThat(worker.freeSlots()).isEqualTo(4);
        assertThat(worker.lastHeartbeatAt()).isEqualTo(T0);
    }

    @Test
    void heartbeatRecordsFreeSlotsAndTime() {
        WorkerEntity worker = registered(4);
        worker.heartbeat(1, T0.plusSeconds(5));
        assertThat(worker.freeSlots()).isEqualTo(1);
        assertThat(worker.lastHeartbeatAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void heartbeatWithImpossibleFreeSlotsIsRejectedWithTheRange() {
        WorkerEntity worker = registered(4);
        assertThatThrownBy(() -> worker.heartbeat(5, T0)).hasMessageContaining("free_slots 5 is outside 0..4");
        assertThatThrownBy(() -> worker.heartbeat(-1, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLostWorkerTakesNoHeartbeatAndCannotBecomeDisconnected() {
        WorkerEntity worker = registered(2);
        worker.moveTo(WorkerState.LOST);
        assertThatThrownBy(() -> worker.heartbeat(1, T0)).hasMessageContaining("LOST");
        assertThatThrownBy(() -> worker.moveTo(WorkerState.DISCONNECTED))
                .hasMessageContaining("cannot move from LOST to DISCONNECTED");
    }

    @Test
    void reRegistrationBringsALostWorkerBackWithANewSession() {
        WorkerEntity worker = registered(2);
        UUID first = worker.sessionId();
        worker.moveTo(WorkerState.LOST);
        UUID second = UUID.randomUUID();
        worker.register(second, "host-b", 8, 2048, "0.2.0", "1.1", "host-b:7070", T0.plusSeconds(60));
        assertThat(worker.state()).isEqualTo(WorkerState.CONNECTED);
        assertThat(worker.sessionId()).isEqualTo(second).isNotEqualTo(first);
        assertThat(worker.slots()).isEqualTo(8);
        assertThat(worker.host()).isEqualTo("host-b");
    }
}
