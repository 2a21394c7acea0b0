package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code savepoint JOB}: a savepoint of the running job, to deploy or resume from later. */
@Command(name = "savepoint", description = "Take a savepoint of a running job.")
public class SavepointCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job id.")
    String job;

    public SavepointCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        JsonNode answer = api.tree(api.postJson(Jobs.path(job) + "/savepoints", null));
        emit(answer, () -> "savepoint " + Json.text(answer, "id") + " of job " + job + " "
                + Json.text(answer, "status") + " (" + Json.text(answer, "stateSizeBytes") + " bytes); use it with"
                + " --from-savepoint " + job + ":" + Json.text(answer, "id") + "\n");
        return MillraceCli.OK;
    }
}
