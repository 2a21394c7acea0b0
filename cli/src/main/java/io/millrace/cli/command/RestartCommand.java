package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code restart JOB}: stop it if it runs, start a new job of the same version from its latest checkpoint. */
@Command(name = "restart", description = "Restart a job from its latest checkpoint, as a new job.")
public class RestartCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job id.")
    String job;

    public RestartCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        JsonNode answer = api.tree(api.postJson(Jobs.path(job) + "/restart", null));
        emit(answer, () -> Jobs.sentence("restarted " + job + " as ", answer));
        return MillraceCli.OK;
    }
}
