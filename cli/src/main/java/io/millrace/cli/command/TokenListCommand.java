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

/** {@code tokens list}: admins see every token of the tenant, editors their own; never a secret. */
@Command(name = "list", description = "List API tokens (never their secrets).")
public class TokenListCommand extends ApiCommand {

    public TokenListCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        JsonNode tokens = api.tree(api.get("/api/v1/tokens"));
        emit(tokens, () -> {
            Table table = new Table("ID", "NAME", "PREFIX", "SCOPES", "EXPIRES", "LAST USED", "REVOKED");
            for (JsonNode t : tokens) {
                List<String> scopes = new ArrayList<>();
                t.path("scopes").forEach(s -> scopes.add(s.asText()));
                table.row(Json.text(t, "id"), Json.text(t, "name"), Json.text(t, "prefix"), String.join(",", scopes),
                        Json.instant(t, "expiresAt"), Json.instant(t, "lastUsedAt"), Json.instant(t, "revokedAt"));
            }
            return table.isEmpty() ? "no tokens\n" : table.render();
        });
        return MillraceCli.OK;
    }
}
