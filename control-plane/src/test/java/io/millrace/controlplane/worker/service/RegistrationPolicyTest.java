package io.millrace.controlplane.worker.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.protocol.ProtocolVersion;
import org.junit.jupiter.api.Test;

class RegistrationPolicyTest {

    private static WorkerRegistration registration(String id, int slots, String protocol) {
        return new WorkerRegistration(id, "host-a", slots, 1 << 30, "0.1.0", protocol, "host-a:7070");
    }

    @Test
    void aWellFormedCurrentWorkerIsAccepted() {
        assertThat(RegistrationPolicy.refusalReason(
                registration("worker-a.1_b", 4, ProtocolVersion.CURRENT.toString()))).isEmpty();
    }

    @Test
    void anotherMajorVersionIsRefusedNamingBothVersions() {
        String other = (ProtocolVersion.CURRENT.major() + 1) + ".0";
        assertThat(RegistrationPolicy.refusalReason(registration("w", 4, other)))
                .hasValueSatisfying(reason -> assertThat(reason).contains(other)
                        .contains(ProtocolVersion.CURRENT.toString()));
    }

    @Test
    void badIdsAndSlotsAreRefusedNamingTheSettingToFix() {
        String current = ProtocolVersion.CURRENT.toString();
        assertThat(RegistrationPolicy.refusalReason(registration("", 4, current)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("millrace.worker.id"));
        assertThat(RegistrationPolicy.refusalReason(registration("has space", 4, current)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("'has space'"));
        assertThat(RegistrationPolicy.refusalReason(registration("x".repeat(254), 4, current))).isPresent();
        assertThat(RegistrationPolicy.refusalReason(registration("w", 0, current)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("millrace.worker.slots").contains("got 0"));
    }
}
