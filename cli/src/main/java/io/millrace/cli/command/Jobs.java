package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.api.PathSegment;
import io.millrace.cli.output.Json;
import io.millrace.cli.output.Table;

/** How jobs print: a row per job, a detail view of one, and the path of a job. */
final class Jobs {

    private Jobs() {
    }

    static String path(String jobId) {
        return "/api/v1/jobs/" + PathSegment.of(jobId);
    }

    static String table(JsonNode jobs) {
        Table table = new Table("ID", "NAME", "STATE", "PIPELINE", "PARALLELISM", "ATTEMPT", "CREATED");
        for (JsonNode job : jobs) {
            table.row(Json.text(job, "id"), Json.text(job, "name"), Json.text(job, "state"), pipeline(job),
                    Json.text(job, "parallelism"), Json.text(job, "attempt"), Json.instant(job, "createdAt"));
        }
        return table.isEmpty() ? "no jobs\n" : table.render();
    }

    static String detail(JsonNode job) {
        Table fields = new Table("FIELD", "VALUE");
        fields.row("id", Json.text(job, "id"));
        fields.row("name", Json.text(job, "name"));
        fields.row("state", Json.text(job, "state"));
        fields.row("reason", Json.text(job, "stateReason"));
        fields.row("since", Json.instant(job, "stateChangedAt"));
        fields.row("desired", Json.text(job, "desiredState"));
        fields.row("pipeline", pipeline(job));
        fields.row("parallelism", Json.text(job, "parallelism"));
        fields.row("attempt", Json.text(job, "attempt"));
        fields.row("failures", Json.text(job, "failureCount"));
        fields.row("last failure", Json.text(job, "lastFailure"));
        fields.row("created", Json.instant(job, "createdAt"));
        // Without the header: a key/value list reads better than a two-column table.
        String rendered = fields.render();
        StringBuilder out = new StringBuilder(rendered.substring(rendered.indexOf('\n') + 1));
        if (job.path("tasks").size() > 0) {
            Table tasks = new Table("CHAIN", "SUBTASK", "WORKER", "STATE", "FAILURE");
            job.path("tasks").forEach(t -> tasks.row(Json.text(t, "chainId"), Json.text(t, "subtask"),
                    Json.text(t, "workerId"), Json.text(t, "state"), Json.text(t, "failure")));
            out.append('\n').append(tasks.render());
        }
        return out.toString();
    }

    /** {@code job <id> <STATE>: <reason>}. */
    static String sentence(String prefix, JsonNode job) {
        String reason = Json.text(job, "stateReason");
        return prefix + "job " + Json.text(job, "id") + " " + Json.text(job, "state")
                + (reason == null ? "" : ": " + reason) + "\n";
    }

    private static String pipeline(JsonNode job) {
        String name = Json.text(job, "pipeline.name");
        return name == null ? null : name + "@" + Json.text(job, "pipeline.version");
    }
}
