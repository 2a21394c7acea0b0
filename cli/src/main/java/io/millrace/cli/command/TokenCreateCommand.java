package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.output.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tokens create --name N --scope read,write}: the only command that prints a token. The secret goes alone on
 * stdout ({@code TOKEN=$(millrace tokens create ...)}); what it is and that it is shown once go to stderr.
 */
@Command(name = "create", description = "Create an API token; its secret is printed once.")
public class TokenCreateCommand extends ApiCommand {

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "What the token is for.")
    String name;

    @Option(names = "--scope", required = true, split = ",", paramLabel = "SCOPE",
            description = "read, write, admin (comma-separated or repeated); at most what your role allows.")
    List<String> scopes;

    @Option(names = "--ttl-days", paramLabel = "DAYS", description = "Lifetime in days (default: the server's).")
    Integer ttlDays;

    @Option(names = "--expires-at", paramLabel = "INSTANT", description = "Expiry, ISO-8601 (2027-01-31T00:00:00Z).")
    String expiresAt;

    public TokenCreateCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("scopes", scopes);
        if (ttlDays != null) {
            body.put("ttlDays", ttlDays);
        }
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt);
        }
        JsonNode token = api.tree(api.postJson("/api/v1/tokens", body));
        emit(token, () -> Json.text(token, "secret") + "\n");
        session.err().println("token " + Json.text(token, "name") + " (" + Json.text(token, "id") + ") created with"
                + " scopes " + Json.text(token, "scopes") + ", expires " + Json.instant(token, "expiresAt")
                + "; store the secret now, it is never shown again");
        return MillraceCli.OK;
    }
}
