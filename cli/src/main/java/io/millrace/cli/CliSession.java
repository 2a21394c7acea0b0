package io.millrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.config.ConfigStore;
import io.millrace.cli.config.Connection;
import java.io.PrintWriter;
import java.net.http.HttpClient;

/**
 * What every command of one CLI run shares: the environment, the config store, one JSON mapper and one HTTP client
 * (created on first use, so commands that never call the API never start its threads).
 */
public final class CliSession {

    private final CliEnvironment env;
    private final ObjectMapper json;
    private final ConfigStore config;
    private final String version;
    private HttpClient http;

    public CliSession(CliEnvironment env, ObjectMapper json, String version) {
        this.env = env;
        this.json = json;
        this.config = ConfigStore.of(env, json);
        this.version = version;
    }

    public CliEnvironment env() {
        return env;
    }

    public ObjectMapper json() {
        return json;
    }

    public ConfigStore config() {
        return config;
    }

    public PrintWriter out() {
        return env.out();
    }

    public PrintWriter err() {
        return env.err();
    }

    /** A client of the stored (or environment-given) control plane; warns once when the config is world-readable. */
    public ApiClient api(String tenant) {
        Connection connection = config.connection(env);
        if (config.readableByOthers()) {
            err().println("warning: " + config.file() + " holds a token and is readable by others; run 'chmod 600 "
                    + config.file() + "'");
        }
        return api(connection, tenant);
    }

    public ApiClient api(Connection connection, String tenant) {
        if (http == null) {
            http = ApiClient.newHttpClient();
        }
        return new ApiClient(http, connection, tenant, json, "millrace-cli/" + version);
    }
}
