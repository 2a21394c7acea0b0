package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.api.PathSegment;
import io.millrace.cli.output.Json;
import io.millrace.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code versions PIPELINE}: every immutable version, newest first. */
@Command(name = "versions", description = "List a pipeline's versions.")
public class VersionsCommand extends ApiCommand {

    private static final int HASH_SHOWN = 12;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "Pipeline name.")
    String pipeline;

    public VersionsCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        JsonNode versions = api.tree(api.get("/api/v1/pipelines/" + PathSegment.of(pipeline) + "/versions"));
        emit(versions, () -> {
            Table table = new Table("VERSION", "FORMAT", "AUTHOR", "CREATED", "SPEC SHA-256");
            versions.forEach(v -> table.row(Json.text(v, "version"), Json.text(v, "format"), Json.text(v, "author"),
                    Json.instant(v, "createdAt"), shortHash(Json.text(v, "specHash"))));
            return table.render();
        });
        return MillraceCli.OK;
    }

    private static String shortHash(String hash) {
        return hash == null || hash.length() <= HASH_SHOWN ? hash : hash.substring(0, HASH_SHOWN);
    }
}
