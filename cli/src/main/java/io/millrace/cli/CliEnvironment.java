package io.millrace.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the CLI reads from its surroundings, passed in rather than read from {@code System}: tests run the
 * commands in-process with their own variables, home and captured output.
 *
 * @param variables environment variables ({@code MILLRACE_URL}, {@code MILLRACE_TOKEN}, {@code MILLRACE_CONFIG})
 * @param home the user's home directory (the default config lives under it)
 * @param out where results go
 * @param err where errors, warnings and hints go
 * @param in standard input ({@code login --token-stdin})
 */
public record CliEnvironment(Map<String, String> variables, Path home, PrintWriter out, PrintWriter err,
        InputStream in) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** The process's own environment and streams. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.in);
    }

    /** A variable, when set and not blank. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
