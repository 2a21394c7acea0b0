package io.millrace.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A set of persistent servers started together for local mode, and their connection settings.
 *
 * <p>Keycloak is submitted first and all servers start in parallel: Keycloak alone takes longer than the others
 * together, so the stack is ready when Keycloak is.
 */
final class RunningStack implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RunningStack.class.getName());

    private final Map<Service, AutoCloseable> servers = new EnumMap<>(Service.class);

    private RunningStack() {
    }

    /**
     * Starts {@code services} with their data in {@code dataDir/<service>}. If any fails, the others are stopped
     * and the first failure is thrown.
     */
    static RunningStack start(Path dataDir, Set<Service> services) {
        RunningStack stack = new RunningStack();
        List<Service> order = new ArrayList<>(services);
        order.sort((a, b) -> a == Service.KEYCLOAK ? -1 : b == Service.KEYCLOAK ? 1 : a.compareTo(b));
        ExecutorService executor = Executors.newFixedThreadPool(order.size(), runnable -> {
            Thread thread = new Thread(runnable, "local-stack-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<Service, Future<AutoCloseable>> starts = new EnumMap<>(Service.class);
            for (Service service : order) {
                starts.put(service, executor.submit(() -> startOne(service, dataDir.resolve(service.cliName()))));
            }
            RuntimeException failure = null;
            for (Service service : order) {
                try {
                    AutoCloseable server = starts.get(service).get();
                    synchronized (stack.servers) {
                        stack.servers.put(service, server);
                    }
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                    failure = failure == null ? cause : failure;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = failure == null ? new IllegalStateException("Interrupted while starting") : failure;
                }
            }
            if (failure != null) {
                stack.close();
                throw failure;
            }
            return stack;
        } finally {
            executor.shutdown();
        }
    }

    private static AutoCloseable startOne(Service service, Path dataDir) {
        return switch (service) {
            case POSTGRES -> new PostgresLauncher(PostgresConfig.defaults().withDataDir(dataDir)).start();
            case KAFKA -> new KafkaLauncher(KafkaConfig.defaults().withDataDir(dataDir)).start();
            case KEYCLOAK -> new KeycloakLauncher(KeycloakConfig.defaults().withDataDir(dataDir)).start();
            case S3 -> new S3Launcher(S3Config.defaults().withDataDir(dataDir)).start();
        };
    }

    /** The connection settings as environment variables, in a stable order. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        server(Service.POSTGRES, PostgresServer.class).ifPresent(pg -> {
            environment.put("MILLRACE_PG_JDBC_URL", pg.jdbcUrl());
            environment.put("MILLRACE_PG_HOST", pg.host());
            environment.put("MILLRACE_PG_PORT", String.valueOf(pg.port()));
            environment.put("MILLRACE_PG_DATABASE", pg.database());
            environment.put("MILLRACE_PG_USERNAME", pg.username());
            environment.put("MILLRACE_PG_PASSWORD", pg.password());
        });
        server(Service.KAFKA, KafkaServer.class).ifPresent(kafka ->
                environment.put("MILLRACE_KAFKA_BOOTSTRAP", kafka.bootstrapServers()));
        server(Service.KEYCLOAK, KeycloakServer.class).ifPresent(keycloak -> {
            environment.put("MILLRACE_KEYCLOAK_URL", keycloak.baseUrl());
            environment.put("MILLRACE_KEYCLOAK_REALM_URL", keycloak.realmUrl());
            environment.put("MILLRACE_KEYCLOAK_ADMIN_USERNAME", keycloak.adminUsername());
            environment.put("MILLRACE_KEYCLOAK_ADMIN_PASSWORD", keycloak.adminPassword());
        });
        server(Service.S3, S3Server.class).ifPresent(s3 -> {
            environment.put("MILLRACE_S3_ENDPOINT", s3.endpoint().toString());
            environment.put("MILLRACE_S3_REGION", s3.region());
            environment.put("MILLRACE_S3_ACCESS_KEY_ID", s3.accessKeyId());
            environment.put("MILLRACE_S3_SECRET_ACCESS_KEY", s3.secretAccessKey());
        });
        return environment;
    }

    /** Process ids of the running servers, to watch for one dying. */
    Map<Service, Long> pids() {
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        synchronized (servers) {
            servers.forEach((service, server) -> pids.put(service, pidOf(server)));
        }
        return pids;
    }

    private static long pidOf(AutoCloseable server) {
        if (server instanceof PostgresServer pg) {
            return pg.pid();
        }
        if (server instanceof KafkaServer kafka) {
            return kafka.pid();
        }
        if (server instanceof KeycloakServer keycloak) {
            return keycloak.pid();
        }
        return ((S3Server) server).pid();
    }

    private <T> Optional<T> server(Service service, Class<T> type) {
        synchronized (servers) {
            return Optional.ofNullable(servers.get(service)).map(type::cast);
        }
    }

    /** Stops every server, in parallel. */
    @Override
    public void close() {
        List<AutoCloseable> running;
        synchronized (servers) {
            running = new ArrayList<>(servers.values());
            servers.clear();
        }
        running.parallelStream().forEach(server -> {
            try {
                server.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "stopping " + server + " failed: " + e.getMessage());
            }
        });
    }
}
