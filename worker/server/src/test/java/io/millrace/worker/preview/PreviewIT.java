package io.millrace.worker.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.PreviewNodeOutput;
import io.millrace.protocol.v1.PreviewResult;
import io.millrace.protocol.v1.PreviewSamples;
import io.millrace.protocol.v1.RunPreview;
import io.millrace.spec.compile.SpecCompiler;
import io.millrace.spec.parse.Format;
import io.millrace.spec.plan.PlanCodec;
import io.millrace.worker.connection.FakeControlPlane;
import io.millrace.worker.connection.FakeControlPlaneResource;
import io.millrace.worker.execution.JobsTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real worker answering {@code RunPreview} from a {@link FakeControlPlane}: one {@code PreviewResult} per request,
 * per-node outputs of the engine's preview, a source without samples refused with the node named.
 */
@QuarkusTest
@TestProfile(JobsTestProfile.class)
@QuarkusTestResource(FakeControlPlaneResource.class)
class PreviewIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String SPEC = """
            apiVersion: millrace.io/v1
            kind: Pipeline
            metadata: {name: preview-it}
            spec:
              parallelism: 3
              nodes:
                - {id: clicks, type: kafka-source, topic: clicks, format: json}
                - {id: mobile, type: filter, inputs: [clicks], expression: "value.device == 'mobile'"}
                - {id: pages, type: map, inputs: [mobile], expression: "value.page"}
                - {id: out, type: kafka-sink, inputs: [pages], topic: pages}
            """;

    FakeControlPlane controlPlane;

    @BeforeEach
    void registered() {
        await().atMost(WAIT).until(controlPlane::hasWorker);
    }

    @Test
    void aPreviewIsAnsweredWithEveryNodesOutput() throws Exception {
        String id = UUID.randomUUID().toString();
        controlPlane.send(runPreview(id, Map.of("clicks", List.of(
                "{\"device\":\"mobile\",\"page\":\"/a\"}",
                "{\"device\":\"desktop\",\"page\":\"/b\"}",
                "{\"device\":\"mobile\",\"page\":\"/c\"}"))));

        PreviewResult result = await().atMost(WAIT).until(() -> find(id), r -> r != null);

        assertThat(result.getFailure()).isEmpty();
        assertThat(result.getErrorsList()).isEmpty();
        Map<String, PreviewNodeOutput> nodes = result.getNodesList().stream()
                .collect(Collectors.toMap(PreviewNodeOutput::getNodeId, n -> n));
        assertThat(nodes.keySet()).containsExactlyInAnyOrder("clicks", "mobile", "pages", "out");
        assertThat(nodes.get("clicks").getCount()).isEqualTo(3);
        assertThat(nodes.get("mobile").getRecordsJsonList()).containsExactly(
                "{\"device\":\"mobile\",\"page\":\"/a\"}", "{\"device\":\"mobile\",\"page\":\"/c\"}");
        assertThat(nodes.get("pages").getRecordsJsonList()).containsExactly("\"/a\"", "\"/c\"");
        assertThat(nodes.get("out").getRecordsJsonList()).containsExactly("\"/a\"", "\"/c\"");
    }

    @Test
    void aSourceWithoutSamplesIsAnsweredWithAFailureNamingIt() throws Exception {
        String id = UUID.randomUUID().toString();
        controlPlane.send(runPreview(id, Map.of()));

        PreviewResult result = await().atMost(WAIT).until(() -> find(id), r -> r != null);

        assertThat(result.getFailure()).contains("upload samples for node clicks");
        assertThat(result.getErrorsList()).singleElement()
                .satisfies(e -> assertThat(e.getNodeId()).isEqualTo("clicks"));
        assertThat(result.getNodesList()).isEmpty();
    }

    private PreviewResult find(String id) {
        return controlPlane.previewResults().stream().filter(r -> r.getPreviewId().equals(id)).findFirst()
                .orElse(null);
    }

    private static ControlMessage runPreview(String id, Map<String, List<String>> samples) {
        String plan = new PlanCodec().toJson(SpecCompiler.standard().compile(SPEC, Format.YAML).plan().orElseThrow());
        RunPreview.Builder run = RunPreview.newBuilder().setPreviewId(id).setTenantId("acme").setPlanJson(plan)
                .setMaxRecordsPerNode(10).setTimeLimitMs(20_000);
        samples.forEach((node, records) -> run.putSamples(node,
                PreviewSamples.newBuilder().addAllRecordsJson(records).build()));
        return ControlMessage.newBuilder().setRunPreview(run).build();
    }
}
