package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.api.PathSegment;
import io.millrace.cli.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tokens revoke ID}: the token answers 401 from then on. */
@Command(name = "revoke", description = "Revoke an API token.")
public class TokenRevokeCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "Token id (see 'tokens list').")
    String id;

    public TokenRevokeCommand(CliSession session) {
        super(session);
    }

    @Override
    protected int run(ApiClient api) {
        JsonNode token = api.tree(api.delete("/api/v1/tokens/" + PathSegment.of(id)));
        emit(token, () -> "token " + Json.text(token, "name") + " (" + id + ") revoked at "
                + Json.instant(token, "revokedAt") + "\n");
        return MillraceCli.OK;
    }
}
