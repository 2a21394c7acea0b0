package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.api.PathSegment;
import io.millrace.cli.output.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deploy PIPELINE [--version N] [--parallelism P] [--from-savepoint JOB:CP]}: a version as a new job. */
@Command(name = "deploy", description = "Deploy a pipeline version as a new job.")
public class DeployCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "Pipeline name.")
    String pipeline;

    @Option(names = "--version", paramLabel = "N", description = "Version to deploy (default: the newest).")
    Integer version;

    @Option(names = "--parallelism", paramLabel = "P", description = "Override the spec's parallelism.")
    Integer parallelism;

    @Option(names = "--from-savepoint", paramLabel = "JOB:CHECKPOINT", converter = SavepointRef.Converter.class,
            description = "Start from this savepoint or checkpoint of a job of the tenant.")
    SavepointRef fromSavepoint;

    public DeployCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        JsonNode job = api.tree(api.postJson("/api/v1/pipelines/" + PathSegment.of(pipeline) + "/deploy", body()));
        emit(job, () -> "deployed " + pipeline + " version " + Json.text(job, "pipeline.version") + " as job "
                + Json.text(job, "id") + " (" + Json.text(job, "state") + ")\n");
        return MillraceCli.OK;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (version != null) {
            body.put("version", version);
        }
        if (parallelism != null) {
            body.put("parallelism", parallelism);
        }
        if (fromSavepoint != null) {
            body.put("fromSavepoint", Map.of("jobId", fromSavepoint.jobId().toString(),
                    "checkpointId", fromSavepoint.checkpointId()));
        }
        return body;
    }
}
