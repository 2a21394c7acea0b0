package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.output.Json;
import io.millrace.cli.output.Table;
import picocli.CommandLine.Command;

/** {@code pipelines}: the tenant's pipelines with their newest version. */
@Command(name = "pipelines", description = "List pipelines.")
public class PipelinesCommand extends ApiCommand {

    public PipelinesCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        JsonNode pipelines = api.tree(api.get("/api/v1/pipelines"));
        emit(pipelines, () -> {
            Table table = new Table("NAME", "VERSION", "FORMAT", "AUTHOR", "UPDATED", "DESCRIPTION");
            pipelines.forEach(p -> table.row(Json.text(p, "name"), Json.text(p, "latestVersion"),
                    Json.text(p, "latest.format"), Json.text(p, "latest.author"), Json.instant(p, "updatedAt"),
                    Json.text(p, "description")));
            return table.isEmpty() ? "no pipelines\n" : table.render();
        });
        return MillraceCli.OK;
    }
}
