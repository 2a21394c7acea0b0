package io.millrace.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The parsed command line of {@link LocalStackCli}:
 * {@code start --data-dir DIR [--services postgres,kafka,keycloak,s3] [--env-file FILE]}.
 *
 * @param envFile where to write the connection settings; default {@code DIR/local-stack.env}
 */
record CliArguments(Path dataDir, Set<Service> services, Path envFile) {

    static final String USAGE = String.join("\n",
            "Usage: local-stack start --data-dir DIR [--services postgres,kafka,keycloak,s3] [--env-file FILE]",
            "  --data-dir DIR   persistent data, one subdirectory per service (reused on the next start)",
            "  --services LIST  comma-separated subset to start (default: all four)",
            "  --env-file FILE  where to write KEY=VALUE connection settings (default: DIR/local-stack.env)",
            "Runs until Ctrl-C / SIGTERM, then stops every server it started.");

    /** Thrown for a command line that cannot be run; the message says what is wrong. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static CliArguments parse(String... arguments) throws UsageException {
        if (arguments.length == 0) {
            throw new UsageException("missing command; the only command is 'start'");
        }
        if (!arguments[0].equals("start")) {
            throw new UsageException("unknown command '" + arguments[0] + "'; the only command is 'start'");
        }
        Path dataDir = null;
        Path envFile = null;
        Set<Service> services = EnumSet.allOf(Service.class);
        for (int i = 1; i < arguments.length; i++) {
            String option = arguments[i];
            String value;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            } else {
                if (i + 1 >= arguments.length) {
                    throw new UsageException("option " + option + " needs a value");
                }
                value = arguments[++i];
            }
            switch (option) {
                case "--data-dir" -> dataDir = Path.of(requireValue(option, value));
                case "--env-file" -> envFile = Path.of(requireValue(option, value));
                case "--services" -> services = parseServices(requireValue(option, value));
                default -> throw new UsageException("unknown option '" + option + "'");
            }
        }
        if (dataDir == null) {
            throw new UsageException("--data-dir is required (persistent data lives there)");
        }
        return new CliArguments(dataDir.toAbsolutePath(), services,
                (envFile == null ? dataDir.resolve("local-stack.env") : envFile).toAbsolutePath());
    }

    private static String requireValue(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("option " + option + " needs a non-empty value");
        }
        return value;
    }

    private static Set<Service> parseServices(String list) throws UsageException {
        Set<Service> services = EnumSet.noneOf(Service.class);
        try {
            Arrays.stream(list.split(",")).filter(name -> !name.isBlank()).map(Service::parse).forEach(services::add);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--services: " + e.getMessage());
        }
        if (services.isEmpty()) {
            throw new UsageException("--services names no service");
        }
        return services;
    }
}
