package io.millrace.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.api.PathSegment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code diff PIPELINE A B}: unified diff of version A's spec to version B's. */
@Command(name = "diff", description = "Unified diff between two versions of a pipeline's spec.")
public class DiffCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "Pipeline name.")
    String pipeline;

    @Parameters(index = "1", paramLabel = "A", description = "From this version.")
    int from;

    @Parameters(index = "2", paramLabel = "B", description = "To this version.")
    int to;

    public DiffCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        String diff = api.get("/api/v1/pipelines/" + PathSegment.of(pipeline) + "/versions/" + from + "/diff/" + to)
                .body();
        ObjectNode answer = session.json().createObjectNode().put("pipeline", pipeline).put("from", from)
                .put("to", to).put("diff", diff);
        emit(answer, () -> diff.isEmpty() ? "versions " + from + " and " + to + " of " + pipeline
                + " have the same spec\n" : diff.endsWith("\n") ? diff : diff + "\n");
        return MillraceCli.OK;
    }
}
