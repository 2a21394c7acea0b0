package io.millrace.localstack;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The servers local-stack can run, by their command-line names. */
public enum Service {
    POSTGRES, KAFKA, KEYCLOAK, S3;

    /** The command-line name: {@code postgres}, {@code kafka}, {@code keycloak}, {@code s3}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Service parse(String name) {
        return Arrays.stream(values()).filter(service -> service.cliName().equals(name.strip().toLowerCase(
                Locale.ROOT))).findFirst().orElseThrow(() -> new IllegalArgumentException("unknown service '" + name
                        + "'; known: " + Arrays.stream(values()).map(Service::cliName)
                                .collect(Collectors.joining(","))));
    }
}
