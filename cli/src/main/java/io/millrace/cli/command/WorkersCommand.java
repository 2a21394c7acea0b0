package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.output.Json;
import io.millrace.cli.output.Table;
import picocli.CommandLine.Command;

/** {@code workers}: the cluster's workers with their slots and last heartbeat. */
@Command(name = "workers", description = "List workers.")
public class WorkersCommand extends ApiCommand {

    public WorkersCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        JsonNode workers = api.tree(api.get("/api/v1/workers"));
        emit(workers, () -> {
            Table table = new Table("ID", "HOST", "STATE", "SLOTS", "FREE", "MEMORY MB", "BUILD", "LAST HEARTBEAT");
            workers.forEach(w -> table.row(Json.text(w, "id"), Json.text(w, "host"), Json.text(w, "state"),
                    Json.text(w, "slots"), Json.text(w, "freeSlots"), w.path("memoryBytes").asLong() / (1024 * 1024),
                    Json.text(w, "buildVersion"), Json.instant(w, "lastHeartbeatAt")));
            return table.isEmpty() ? "no workers\n" : table.render();
        });
        return MillraceCli.OK;
    }
}
