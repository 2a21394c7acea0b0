package io.millrace.localstack;

import io.millrace.localstack.process.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running Keycloak with the {@code millrace} realm (clients, roles and dev users: see the module README).
 * {@link #close()} stops it (the {@code kc.sh} wrapper and its JVM) and deletes a temporary instance.
 */
public final class KeycloakServer implements AutoCloseable {

    /** The realm imported into every instance. */
    public static final String REALM = "millrace";

    private final ServerProcess process;
    private final int port;
    private final String adminUsername;
    private final String adminPassword;
    private final AtomicBoolean closed = new AtomicBoolean();

    KeycloakServer(ServerProcess process, int port, String adminUsername, String adminPassword) {
        this.process = process;
        this.port = port;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The OIDC issuer of the millrace realm: {@code baseUrl() + "/realms/millrace"}. */
    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** The master realm's bootstrap administrator. */
    public String adminUsername() {
        return adminUsername;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** The process id of the {@code kc.sh} wrapper (its JVM is a descendant, or the same process after exec). */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        process.stop(Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return "KeycloakServer[" + baseUrl() + ", pid " + pid() + "]";
    }
}
