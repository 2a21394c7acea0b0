package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.output.Json;
import io.millrace.cli.output.OutputFormat;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * A command that calls the API: {@code --tenant} (sent as the {@code Millrace-Tenant} header) and
 * {@code -o/--output table|json} on every one. With JSON the API's answer is printed as it came, so scripts see the
 * same fields as the REST API documents.
 */
public abstract class ApiCommand implements Callable<Integer> {

    @Option(names = "--tenant", paramLabel = "TENANT",
            description = "Act in this tenant (for users in several; API tokens act in their own only).")
    String tenant;

    @Option(names = { "-o", "--output" }, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json (the API's answer; errors as problem JSON on stdout).")
    OutputFormat output;

    protected final CliSession session;

    protected ApiCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public final Integer call() {
        return run(client());
    }

    /** Runs against the API; returns the exit code. */
    protected abstract int run(ApiClient api);

    /** The client to use: the stored login by default. */
    protected ApiClient client() {
        return session.api(tenant);
    }

    public OutputFormat output() {
        return output == null ? OutputFormat.TABLE : output;
    }

    /** The spec file this command sends, for locating errors as {@code file:line:column}; null when none. */
    public String sourceFile() {
        return null;
    }

    /** Prints the answer as JSON, or what {@code text} renders for people. */
    protected void emit(JsonNode answer, Supplier<String> text) {
        if (output() == OutputFormat.JSON) {
            session.out().print(Json.pretty(session.json(), answer));
        } else {
            session.out().print(text.get());
        }
    }

    protected String tenant() {
        return tenant;
    }
}
