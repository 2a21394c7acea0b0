package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.output.Json;
import io.millrace.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code checkpoints JOB}: checkpoints and savepoints on record, newest first. */
@Command(name = "checkpoints", description = "Show a job's checkpoints and savepoints.")
public class CheckpointsCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job id.")
    String job;

    public CheckpointsCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        JsonNode checkpoints = api.tree(api.get(Jobs.path(job) + "/checkpoints"));
        emit(checkpoints, () -> {
            Table table = new Table("ID", "KIND", "STATUS", "CREATED", "COMPLETED", "BYTES", "USABLE", "FAILURE");
            checkpoints.forEach(c -> table.row(Json.text(c, "id"), Json.text(c, "kind"), Json.text(c, "status"),
                    Json.instant(c, "createdAt"), Json.instant(c, "completedAt"), Json.text(c, "stateSizeBytes"),
                    Json.text(c, "usable"), failure(c)));
            return table.isEmpty() ? "no checkpoints\n" : table.render();
        });
        return MillraceCli.OK;
    }

    private static String failure(JsonNode checkpoint) {
        String failure = Json.text(checkpoint, "failureReason");
        String unusable = Json.text(checkpoint, "unusableReason");
        return failure != null ? failure : unusable;
    }
}
