package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code resume JOB [--checkpoint ID] [--parallelism P]}: a new job from one of JOB's savepoints or checkpoints. */
@Command(name = "resume", description = "Start a stopped job again from a savepoint or checkpoint, as a new job.")
public class ResumeCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job id of the stopped job.")
    String job;

    @Option(names = "--checkpoint", paramLabel = "ID",
            description = "Savepoint or checkpoint id (default: the latest usable one).")
    Long checkpoint;

    @Option(names = "--parallelism", paramLabel = "P", description = "Run at this parallelism.")
    Integer parallelism;

    public ResumeCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        List<String> query = new ArrayList<>();
        if (checkpoint != null) {
            query.add("checkpointId=" + checkpoint);
        }
        if (parallelism != null) {
            query.add("parallelism=" + parallelism);
        }
        String path = Jobs.path(job) + "/resume" + (query.isEmpty() ? "" : "?" + String.join("&", query));
        JsonNode answer = api.tree(api.postJson(path, null));
        emit(answer, () -> Jobs.sentence("resumed " + job + " as ", answer));
        return MillraceCli.OK;
    }
}
