package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rescale JOB --parallelism P}: savepoint, re-plan at P, redeploy (state kept). */
@Command(name = "rescale", description = "Change a running job's parallelism (keeps its state).")
public class RescaleCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job id.")
    String job;

    @Option(names = "--parallelism", required = true, paramLabel = "P", description = "The new parallelism.")
    int parallelism;

    public RescaleCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        JsonNode answer = api.tree(api.postJson(Jobs.path(job) + "/rescale", Map.of("parallelism", parallelism)));
        emit(answer, () -> Jobs.sentence("rescaled to " + parallelism + ": ", answer));
        return MillraceCli.OK;
    }
}
