package io.millrace.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The server versions this module was built for (from the parent POM, written into a resource at build time). */
final class ServerVersions {

    private static final String RESOURCE = "server-versions.properties";

    private ServerVersions() {
    }

    static String keycloak() {
        return get("keycloak.version");
    }

    static String s3mock() {
        return get("s3mock.version");
    }

    static String kafka() {
        return get("kafka.version");
    }

    private static String get(String key) {
        Properties properties = new Properties();
        try (InputStream in = ServerVersions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource io/millrace/localstack/" + RESOURCE + " is missing: this "
                        + "module was not built by Maven. Build it: mvn -pl local-stack install.");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty(key);
        if (value == null || value.contains("${")) {
            throw new IllegalStateException(key + " is not set in " + RESOURCE + "; rebuild local-stack with Maven.");
        }
        return value;
    }
}
