package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jobs [--pipeline P] [--state S]}: the tenant's jobs. */
@Command(name = "jobs", description = "List jobs.")
public class JobsCommand extends ApiCommand {

    @Option(names = "--pipeline", paramLabel = "PIPELINE", description = "Only jobs of this pipeline.")
    String pipeline;

    @Option(names = "--state", paramLabel = "STATE", description = "Only jobs in this state, e.g. RUNNING.")
    String state;

    public JobsCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        List<String> query = new ArrayList<>();
        if (pipeline != null) {
            query.add("pipeline=" + URLEncoder.encode(pipeline, StandardCharsets.UTF_8));
        }
        if (state != null) {
            query.add("state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        }
        JsonNode jobs = api.tree(api.get("/api/v1/jobs" + (query.isEmpty() ? "" : "?" + String.join("&", query))));
        emit(jobs, () -> Jobs.table(jobs));
        return MillraceCli.OK;
    }
}
