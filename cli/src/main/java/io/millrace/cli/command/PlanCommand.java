package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.output.Json;
import io.millrace.cli.output.Table;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code plan -f spec.yaml}: the chained physical plan the server would run, as a table of chains and edges. */
@Command(name = "plan", description = "Show the chained physical plan of a spec (tasks, operators, edges).")
public class PlanCommand extends ApiCommand {

    @Mixin
    SpecFile spec;

    public PlanCommand(CliSession session) {
        super(session);
    }

    @Override
    public String sourceFile() {
        return spec.label();
    }

    @Override
    protected int run(ApiClient api) {
        String text = spec.read(session.env().in());
        JsonNode plan = api.tree(api.postText("/api/v1/pipelines:plan", text, spec.mediaType(text)));
        emit(plan, () -> render(plan));
        return MillraceCli.OK;
    }

    static String render(JsonNode plan) {
        StringBuilder out = new StringBuilder();
        out.append("plan of ").append(Json.text(plan, "name")).append(": ").append(plan.path("chains").size())
                .append(" chains, ").append(Json.text(plan, "subtasks")).append(" subtasks, max parallelism ")
                .append(Json.text(plan, "maxParallelism")).append("\n\n");
        Table chains = new Table("CHAIN", "PARALLELISM", "KEYED", "OPERATORS");
        for (JsonNode chain : plan.path("chains")) {
            List<String> operators = new ArrayList<>();
            chain.path("operators").forEach(o -> operators.add(Json.text(o, "id") + " (" + Json.text(o, "kind") + ")"));
            chains.row(Json.text(chain, "id"), Json.text(chain, "parallelism"), Json.text(chain, "keyed"),
                    String.join(" -> ", operators));
        }
        out.append(chains.render());
        if (plan.path("edges").size() > 0) {
            Table edges = new Table("FROM", "TO", "PARTITIONING", "KEY");
            for (JsonNode e : plan.path("edges")) {
                String output = Json.text(e, "sourceOutput");
                edges.row(Json.text(e, "sourceChain") + "/" + Json.text(e, "sourceNode")
                        + (output == null || "main".equals(output) ? "" : "[" + output + "]"),
                        Json.text(e, "targetChain") + "/" + Json.text(e, "targetNode"),
                        Json.text(e, "partitioning"), Json.text(e, "keyExpression"));
            }
            out.append('\n').append(edges.render());
        }
        for (JsonNode w : plan.path("warnings")) {
            out.append("warning: line ").append(Json.text(w, "line")).append(", column ").append(Json.text(w, "column"))
                    .append(": ").append(Json.text(w, "message")).append('\n');
        }
        return out.toString();
    }
}
