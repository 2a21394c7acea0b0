package io.millrace.worker.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkerIdentityTest {

    @Test
    void generatedIdIsTheHostPlusARandomSuffix() {
        String first = WorkerIdentityProducer.generatedId("Build-Host.example.org");
        String second = WorkerIdentityProducer.generatedId("Build-Host.example.org");
        assertThat(first).matches("build-host-example-org-[0-9a-f]{6}");
        assertThat(second).startsWith("build-host-example-org-").isNotEqualTo(first);
    }

    @Test
    void refusesZeroSlotsNamingTheKey() {
        assertThatThrownBy(() -> new WorkerIdentity("w", "h", 0, 1, "v"))
                .hasMessageContaining("millrace.worker.slots")
                .hasMessageContaining("got 0");
    }

    @Test
    void refusesBlankId() {
        assertThatThrownBy(() -> new WorkerIdentity(" ", "h", 1, 1, "v")).hasMessageContaining("millrace.worker.id");
    }
}
