package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.UsageException;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.config.CliConfig;
import io.millrace.cli.config.Connection;
import io.millrace.cli.output.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code login --url URL --token TOKEN}: checks the token against the API ({@code GET /api/v1/tenants/current}) and
 * only then stores URL and token (0600). The token is never echoed.
 */
@Command(name = "login", description = "Check an API token against the control plane and store it.")
public class LoginCommand extends ApiCommand {

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The control plane, e.g. https://millrace.example.com")
    String url;

    @ArgGroup(exclusive = true, multiplicity = "1")
    TokenSource token;

    static class TokenSource {
        @Option(names = "--token", paramLabel = "TOKEN",
                description = "A Millrace API token (mr_...). Visible in the process list: prefer --token-stdin.")
        String value;

        @Option(names = "--token-stdin", description = "Read the token from standard input.")
        boolean stdin;
    }

    public LoginCommand(CliSession session) {
        super(session);
    }

    @Override
    protected ApiClient client() {
        return session.api(new Connection(checkedUrl(), tokenValue()), tenant());
    }

    @Override
    protected int run(ApiClient api) {
        JsonNode current = api.tree(api.get("/api/v1/tenants/current"));
        session.config().write(new CliConfig(api.baseUrl(), tokenValue()));
        emit(current, () -> "logged in to " + api.baseUrl() + " as " + Json.text(current, "username") + " ("
                + Json.text(current, "role") + " in tenant " + Json.text(current, "id")
                + (current.path("apiToken").asBoolean() ? ", API token" : "") + ")\n"
                + "credentials stored in " + session.config().file() + "\n");
        return MillraceCli.OK;
    }

    private String checkedUrl() {
        try {
            URI uri = new URI(url.trim());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new UsageException("--url must be an http(s) URL like https://millrace.example.com, not '"
                        + url + "'");
            }
            return url.trim();
        } catch (URISyntaxException e) {
            throw new UsageException("--url is not a URL: " + e.getMessage());
        }
    }

    private String tokenValue() {
        if (token.stdin) {
            try {
                String read = new String(session.env().in().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (read.isEmpty()) {
                    throw new UsageException("--token-stdin: standard input was empty");
                }
                token.value = read;
                token.stdin = false;
            } catch (IOException e) {
                throw new UsageException("--token-stdin: cannot read standard input: " + e.getMessage());
            }
        }
        if (token.value == null || token.value.isBlank()) {
            throw new UsageException("--token is empty");
        }
        return token.value.trim();
    }
}
