package io.millrace.controlplane.preview.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.FieldError;
import io.millrace.controlplane.preview.config.PreviewConfig;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.worker.grpc.WorkerSessions;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.PreviewResult;
import io.millrace.protocol.v1.PreviewSamples;
import io.millrace.protocol.v1.RunPreview;
import io.millrace.spec.compile.CompilationResult;
import io.millrace.spec.compile.SpecCompiler;
import io.millrace.spec.parse.Format;
import io.millrace.spec.plan.PlanCodec;
import io.millrace.spec.validate.Diagnostic;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Runs a preview for a caller: checks the request's size and limits, validates and compiles the spec (located
 * errors), sends {@code RunPreview} with the plan to a worker chosen by {@link PreviewWorkers}, and waits for its
 * answer at most the time limit plus {@code answer-grace}. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class PreviewService {

    private static final Logger LOG = Logger.getLogger(PreviewService.class);

    private final PreviewConfig config;
    private final PreviewWorkers workers;
    private final WorkerSessions sessions;
    private final PendingPreviews pending;
    private final SpecCompiler compiler = SpecCompiler.standard();
    private final PlanCodec plans = new PlanCodec();
    private final ObjectMapper json = new ObjectMapper();

    public PreviewService(PreviewConfig config, PreviewWorkers workers, WorkerSessions sessions,
            PendingPreviews pending) {
        this.config = config;
        this.workers = workers;
        this.sessions = sessions;
        this.pending = pending;
    }

    public PreviewReport preview(Caller caller, PreviewCommand command) throws InterruptedException {
        int recordsPerNode = recordsPerNode(command.maxRecordsPerNode());
        long timeLimitMs = timeLimitMs(command.timeLimitMs());
        Map<String, PreviewSamples> samples = samples(command.samples());
        String plan = compile(command.spec(), command.format());

        PreviewWorkers.Choice choice = workers.choose();
        if (choice instanceof PreviewWorkers.Choice.None none) {
            throw PreviewFailure.noWorker(none.reason());
        }
        String workerId = ((PreviewWorkers.Choice.Worker) choice).workerId();
        String previewId = UUID.randomUUID().toString();
        RunPreview run = RunPreview.newBuilder()
                .setPreviewId(previewId)
                .setTenantId(caller.tenantId())
                .setPlanJson(plan)
                .putAllSamples(samples)
                .setMaxRecordsPerNode(recordsPerNode)
                .setTimeLimitMs(timeLimitMs)
                .setGeneratedRecordsPerSource(config.generatedRecordsPerSource())
                .build();
        CompletableFuture<PreviewResult> answer = pending.expect(previewId, workerId);
        try {
            if (!sessions.send(workerId, ControlMessage.newBuilder().setRunPreview(run).build())) {
                throw PreviewFailure.noWorker("worker " + workerId + " closed its session just now; try again");
            }
            LOG.infof("tenant %s: preview %s sent to worker %s (%d sample records, limits %d records/node, %d ms)",
                    caller.tenantId(), previewId, workerId, samples.values().stream()
                            .mapToInt(PreviewSamples::getRecordsJsonCount).sum(), recordsPerNode, timeLimitMs);
            PreviewResult result = answer.get(timeLimitMs + config.answerGrace().toMillis(), TimeUnit.MILLISECONDS);
            return report(workerId, result);
        } catch (TimeoutException slow) {
            throw PreviewFailure.timedOut("worker " + workerId + " did not answer preview " + previewId + " within "
                    + (timeLimitMs + config.answerGrace().toMillis()) + " ms; it may be overloaded, try again");
        } catch (ExecutionException gone) {
            throw PreviewFailure.workerFailed(gone.getCause().getMessage());
        } finally {
            pending.forget(previewId);
        }
    }

    private int recordsPerNode(Integer asked) {
        int value = asked == null ? config.defaultRecordsPerNode() : asked;
        if (value < 1 || value > config.maxRecordsPerNode()) {
            throw ApiProblem.badRequest("maxRecordsPerNode must be between 1 and " + config.maxRecordsPerNode()
                    + ", was " + value, List.of(FieldError.field("maxRecordsPerNode", "between 1 and "
                            + config.maxRecordsPerNode())));
        }
        return value;
    }

    private long timeLimitMs(Integer asked) {
        long max = config.maxTimeLimit().toMillis();
        long value = asked == null ? config.defaultTimeLimit().toMillis() : asked;
        if (value < 1 || value > max) {
            throw ApiProblem.badRequest("timeLimitMs must be between 1 and " + max + ", was " + value,
                    List.of(FieldError.field("timeLimitMs", "between 1 and " + max)));
        }
        return value;
    }

    /** Sample records as compact JSON, within the count and size limits (413 beyond them). */
    private Map<String, PreviewSamples> samples(Map<String, List<JsonNode>> given) {
        Map<String, PreviewSamples> samples = new java.util.LinkedHashMap<>();
        if (given == null) {
            return samples;
        }
        long records = 0;
        long bytes = 0;
        for (Map.Entry<String, List<JsonNode>> node : given.entrySet()) {
            if (node.getValue() == null) {
                throw ApiProblem.badRequest("samples." + node.getKey() + " must be a list of records",
                        List.of(FieldError.field("samples." + node.getKey(), "a list of JSON records")));
            }
            PreviewSamples.Builder texts = PreviewSamples.newBuilder();
            for (JsonNode record : node.getValue()) {
                records++;
                if (records > config.maxSampleRecords()) {
                    throw PreviewFailure.samplesTooLarge("a preview takes at most " + config.maxSampleRecords()
                            + " sample records in all; send fewer (a preview shows a sample, not a whole stream)");
                }
                String text = compact(record);
                bytes += text.getBytes(StandardCharsets.UTF_8).length;
                if (bytes > config.maxSampleBytes()) {
                    throw PreviewFailure.samplesTooLarge("the sample records exceed " + config.maxSampleBytes()
                            + " bytes of JSON in all; send fewer or smaller records");
                }
                texts.addRecordsJson(text);
            }
            samples.put(node.getKey(), texts.build());
        }
        return samples;
    }

    private String compact(JsonNode record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a parsed JSON tree could not be written back", impossible);
        }
    }

    /** The validated spec's plan as JSON, or a 400 listing every located error. */
    private String compile(String spec, Format declared) {
        if (spec == null || spec.isBlank()) {
            throw ApiProblem.badRequest("spec is required: the pipeline spec as YAML or JSON text",
                    List.of(FieldError.field("spec", "required")));
        }
        Format format = declared != null ? declared : spec.stripLeading().startsWith("{") ? Format.JSON : Format.YAML;
        CompilationResult result = compiler.compile(spec, format);
        if (result.plan().isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            for (Diagnostic d : result.validation().errors()) {
                String message = d.message() + (d.hint() == null || d.hint().isBlank() ? "" : " (" + d.hint() + ")");
                errors.add(new FieldError(null, d.pointer(), d.line(), d.column(), "[" + d.code() + "] " + message));
            }
            throw PreviewFailure.invalidSpec("the spec has " + errors.size() + " error" + (errors.size() == 1 ? "" : "s")
                    + "; each names its JSON pointer, line and column in the spec text", errors);
        }
        return plans.toJson(result.plan().get());
    }

    private PreviewReport report(String workerId, PreviewResult result) {
        if (!result.getFailure().isEmpty()) {
            List<FieldError> located = result.getErrorsList().stream().filter(e -> !e.getNodeId().isEmpty())
                    .map(e -> FieldError.field("samples." + e.getNodeId(), e.getMessage())).toList();
            if (!located.isEmpty()) {
                throw PreviewFailure.notRunnable(result.getFailure(), located);
            }
            throw PreviewFailure.workerFailed(result.getFailure());
        }
        Map<String, PreviewReport.NodeOutput> nodes = new java.util.TreeMap<>();
        result.getNodesList().forEach(n -> nodes.put(n.getNodeId(), new PreviewReport.NodeOutput(
                parse(n.getRecordsJsonList()), n.getCount(), n.getTruncated())));
        List<PreviewReport.NodeError> errors = result.getErrorsList().stream()
                .map(e -> new PreviewReport.NodeError(e.getNodeId().isEmpty() ? null : e.getNodeId(), e.getMessage()))
                .toList();
        return new PreviewReport(nodes, errors, parse(result.getDeadLettersJsonList()), result.getElapsedMs(),
                result.getLimitHit(), workerId);
    }

    private List<JsonNode> parse(List<String> records) {
        List<JsonNode> parsed = new ArrayList<>(records.size());
        for (String record : records) {
            try {
                parsed.add(json.readTree(record));
            } catch (JsonProcessingException e) {
                // The worker's encoder writes JSON; if it ever does not, show the text rather than fail the preview.
                parsed.add(json.getNodeFactory().textNode(record));
            }
        }
        return parsed;
    }
}
