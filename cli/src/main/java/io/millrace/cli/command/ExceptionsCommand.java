package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.output.Json;
import io.millrace.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code exceptions JOB} (alias {@code logs}): the job's failures, oldest first, and whether it restarted. */
@Command(name = "exceptions", aliases = "logs", description = "Show a job's failures (exceptions history).")
public class ExceptionsCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job id.")
    String job;

    public ExceptionsCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        JsonNode failures = api.tree(api.get(Jobs.path(job) + "/exceptions"));
        emit(failures, () -> {
            Table table = new Table("ATTEMPT", "OUTCOME", "AT", "CAUSE");
            failures.forEach(f -> table.row(Json.text(f, "attempt"), Json.text(f, "outcome"), Json.instant(f, "at"),
                    Json.text(f, "cause")));
            return table.isEmpty() ? "no failures\n" : table.render();
        });
        return MillraceCli.OK;
    }
}
