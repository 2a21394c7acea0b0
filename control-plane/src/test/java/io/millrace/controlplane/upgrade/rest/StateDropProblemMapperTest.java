package io.millrace.controlplane.upgrade.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.millrace.controlplane.upgrade.service.StateDiffView;
import io.millrace.controlplane.upgrade.service.StateDropNeedsConfirmation;
import io.millrace.spec.compile.SpecCompiler;
import io.millrace.spec.parse.Format;
import io.millrace.spec.statediff.StateDiffer;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The 409 body is what the console's deploy dialog reads: problem members plus {@code stateDiff.nodes}. */
class StateDropProblemMapperTest {

    @Test
    void theProblemCarriesTheStateDiffInThePipelineSpecShape() throws Exception {
        var compiler = SpecCompiler.standard();
        var from = compiler.compile(io.millrace.controlplane.upgrade.UpgradeTestSpecs.spec("value.id >= 0",
                "windowed", "1s", 128), Format.YAML).validation().pipeline().orElseThrow();
        var to = compiler.compile(io.millrace.controlplane.upgrade.UpgradeTestSpecs.spec("value.id >= 0",
                "windowed2", "1s", 128), Format.YAML).validation().pipeline().orElseThrow();
        UUID job = UUID.randomUUID();
        var diff = new StateDiffView(1, job, 2, StateDiffer.standard().diff(from, to));

        var response = new StateDropProblemMapper().needsConfirmation(new StateDropNeedsConfirmation(diff), null);

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        JsonNode body = new ObjectMapper().registerModule(new JavaTimeModule())
                .valueToTree(response.getEntity());
        assertThat(body.path("type").asText()).isEqualTo("https://millrace.dev/problems/state-drop-needs-confirmation");
        assertThat(body.path("detail").asText()).contains("'windowed'").contains("confirmDroppedState");
        assertThat(body.path("fromJobId").asText()).isEqualTo(job.toString());
        assertThat(body.path("dropsState").asBoolean()).isTrue();
        JsonNode nodes = body.path("stateDiff").path("nodes");
        assertThat(nodes.isArray()).isTrue();
        JsonNode windowed = null;
        for (JsonNode n : nodes) {
            if (n.path("nodeId").asText().equals("windowed")) {
                windowed = n;
            }
        }
        assertThat(windowed).as("the renamed node in the diff").isNotNull();
        assertThat(windowed.path("change").asText()).isEqualTo("DROPPED");
        assertThat(windowed.path("reason").asText()).contains("renamed");
        assertThat(windowed.path("before").isArray()).isTrue();
        assertThat(windowed.path("before").get(0).path("name").asText()).isNotEmpty();
    }
}
