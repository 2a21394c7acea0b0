package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stop JOB [--savepoint]}: cancel the job, optionally after a savepoint to resume from. */
@Command(name = "stop", description = "Stop a job (with --savepoint: take a savepoint first).")
public class StopCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job id.")
    String job;

    @Option(names = "--savepoint", description = "Take a savepoint, then stop; resume from it later.")
    boolean savepoint;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "How long the server waits for the stop (60).")
    Long waitSeconds;

    public StopCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        String path = Jobs.path(job) + (savepoint ? "/stop-with-savepoint" : "/stop")
                + (waitSeconds == null ? "" : "?wait=" + waitSeconds);
        JsonNode answer = api.tree(api.postJson(path, null));
        emit(answer, () -> Jobs.sentence("", answer));
        return MillraceCli.OK;
    }
}
