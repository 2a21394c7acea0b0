package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code status JOB}: one job's state, reason, version, attempt and tasks. */
@Command(name = "status", description = "Show a job.")
public class StatusCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job id.")
    String job;

    public StatusCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        JsonNode answer = api.tree(api.get(Jobs.path(job)));
        emit(answer, () -> Jobs.detail(answer));
        return MillraceCli.OK;
    }
}
