package io.millrace.controlplane.pipeline.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.controlplane.security.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A load driver, not a test of behaviour (the name does not match failsafe's {@code *IT}; it asserts only that no
 * request failed): authenticated {@code GET /api/v1/pipelines/{name}} (with a Keycloak JWT, verified locally by the
 * control plane, and with a Millrace API token) and {@code PUT} of a new version, against real PostgreSQL, over
 * loopback, for a fixed time after a warm-up. Prints one line with requests/s, p50/p99 latency and this JVM's CPU time
 * per request for each phase.
 *
 * <p>The load client is a closed loop of {@code bench.*-connections} keep-alive connections on ONE Vert.x event loop:
 * each connection sends its next request when the previous answer is complete. A client that hands every request
 * across threads (the JDK's HttpClient) spent about a quarter of the machine's CPU here, which the server then lacked.
 *
 * <pre>{@code
 * mvn -B -pl control-plane -am verify -Dnpm.ci.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=PipelineApiBenchmark [-Dbench.seconds=10] \
 *     [-Dbench.get-connections=8] [-Dbench.put-connections=4] [-Dbench.phases=jwt,token,put] [-Dbench.rounds=3]
 * }</pre>
 */
@QuarkusTest
@TestProfile(ApiLoadProfile.class)
class PipelineApiBenchmark {

    private static final Logger LOG = Logger.getLogger(PipelineApiBenchmark.class);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    /** Unmeasured calls before each measured phase (new connections, caches). */
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup-seconds", 3);
    private static final int GET_CONNECTIONS = Integer.getInteger("bench.get-connections", 8);
    private static final int PUT_CONNECTIONS = Integer.getInteger("bench.put-connections", 4);
    /** How many times every phase runs; only the last round is reported (the others warm the JIT up). */
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** Which measured phases to run, in this order: any of jwt, token, put. */
    private static final List<String> PHASES = List.of(System.getProperty("bench.phases", "jwt,token,put")
            .split(","));

    @TestHTTPResource("/")
    URL root;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));

    /** One request a connection sends: which, with what, and the status it must answer. */
    private record Call(HttpMethod method, String path, String bearer, String yaml, int expected) {
    }

    /** The next call of connection {@code connection}, its {@code sequence}-th. */
    @FunctionalInterface
    private interface Calls {
        Call next(int connection, long sequence);
    }

    @AfterEach
    void closeClient() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void readsAndWritesPerSecond() throws Exception {
        String token = ApiUsers.login().alice();
        String name = Specs.freshName();
        create(token, name);
        List<String> own = new ArrayList<>();
        for (int c = 0; c < Math.max(PUT_CONNECTIONS, GET_CONNECTIONS); c++) {
            String mine = name + "-w" + c;
            own.add(mine);
            create(token, mine);
        }
        String apiToken = TestUsers.apiToken(token, "load", List.of("read", "write"));
        AtomicLong version = new AtomicLong(1);
        String path = "/api/v1/pipelines/" + name;
        Calls jwtGet = (c, i) -> new Call(HttpMethod.GET, path, token, null, 200);
        Calls tokenGet = (c, i) -> new Call(HttpMethod.GET, path, apiToken, null, 200);
        Calls put = (c, i) -> new Call(HttpMethod.PUT, "/api/v1/pipelines/" + own.get(c), token,
                Specs.yaml(own.get(c), (int) version.incrementAndGet()), 200);
        List<Result> results = new ArrayList<>();
        // Every round runs every phase; only the last round is reported. The first rounds are the warm-up: until the
        // JIT has compiled the hot paths (CEL's checker on PUT above all), its compiler threads take a third of the
        // CPU and a phase measures little else. Its CPU counts as this JVM's.
        for (int round = 1; round <= ROUNDS; round++) {
            if (round == ROUNDS) {
                results.clear();
            }
            for (String phase : PHASES) {
                results.add(switch (phase.trim()) {
                    case "jwt" -> run("GET /api/v1/pipelines/{name} (Keycloak JWT)", GET_CONNECTIONS, WARMUP_SECONDS,
                            jwtGet);
                    case "token" -> run("GET /api/v1/pipelines/{name} (API token)", GET_CONNECTIONS, WARMUP_SECONDS,
                            tokenGet);
                    case "put" -> run("PUT /api/v1/pipelines/{name} (new version, Keycloak JWT)", PUT_CONNECTIONS,
                            WARMUP_SECONDS, put);
                    default -> throw new IllegalArgumentException("bench.phases: unknown phase '" + phase
                            + "'; use jwt, token, put");
                });
            }
        }
        LOG.infof("api load: %s", String.join(" | ", results.stream().map(Result::toString).toList()));
        assertThat(results).isNotEmpty().allSatisfy(result -> assertThat(result.count()).isPositive());
    }

    private static void create(String token, String name) {
        TestUsers.as(token).contentType("application/yaml").body(Specs.yaml(name, 0).getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/pipelines/" + name).then().statusCode(201);
    }

    /**
     * @param cpuMicrosPerRequest this JVM's CPU time (server and load client together; not PostgreSQL's) over the
     *        measured part, per request: a figure that stays comparable when other processes share the cores
     */
    record Result(String what, long count, double perSecond, double p50Millis, double p99Millis, int connections,
            double cpuMicrosPerRequest) {
        @Override
        public String toString() {
            return String.format("%s: %d requests, %.0f req/s, p50 %.1f ms, p99 %.1f ms, %.0f us JVM CPU/request (%d"
                    + " connections)", what, count, perSecond, p50Millis, p99Millis, cpuMicrosPerRequest,
                    connections);
        }
    }

    /** Per connection: latencies of the measured part, in nanoseconds. */
    private static final class Latencies {
        private long[] values = new long[1 << 14];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }
    }

    /**
     * {@code warmupSeconds} of calls, then {@link #SECONDS} measured, from {@code connections} connections. Fails on
     * the first unexpected status or error.
     */
    private Result run(String what, int connections, int warmupSeconds, Calls calls) throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setDefaultHost(root.getHost()).setDefaultPort(root.getPort()),
                new PoolOptions().setHttp1MaxSize(connections));
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
        long end = warmupEnd + Duration.ofSeconds(SECONDS).toNanos();
        List<Latencies> latencies = new ArrayList<>();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int c = 0; c < connections; c++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            CompletableFuture<Void> finished = new CompletableFuture<>();
            done.add(finished);
            int connection = c;
            vertx.runOnContext(ignored -> send(client, calls, connection, 0, warmupEnd, end, mine, finished,
                    failure));
        }
        // The CPU counter is read when the measured part starts and ends: the clock decides, not a condition.
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(
                warmupEnd - System.nanoTime(), TimeUnit.NANOSECONDS)).get();
        long cpuAtWarmupEnd = processCpuNanos();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(SECONDS + warmupSeconds + 60,
                TimeUnit.SECONDS);
        long cpu = processCpuNanos() - cpuAtWarmupEnd;
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        if (failure.get() != null) {
            throw new AssertionError(what + " failed: " + failure.get().getMessage(), failure.get());
        }
        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l.values, 0, l.size)).sorted().toArray();
        return new Result(what, all.length, all.length / (double) SECONDS, percentile(all, 0.50),
                percentile(all, 0.99), connections, all.length == 0 ? Double.NaN : cpu / 1e3 / all.length);
    }

    /** Sends one call and, when its answer is complete, the connection's next (on the event loop; never blocks). */
    private void send(HttpClient client, Calls calls, int connection, long sequence, long warmupEnd, long end,
            Latencies latencies, CompletableFuture<Void> finished, AtomicReference<Throwable> failure) {
        long start = System.nanoTime();
        if (start >= end || failure.get() != null) {
            finished.complete(null);
            return;
        }
        Call call = calls.next(connection, sequence);
        RequestOptions options = new RequestOptions().setMethod(call.method()).setURI(call.path())
                .putHeader("Authorization", "Bearer " + call.bearer());
        if (call.yaml() != null) {
            options.putHeader("Content-Type", "application/yaml");
        }
        client.request(options)
                .compose(request -> call.yaml() == null ? request.send() : request.send(Buffer.buffer(call.yaml())))
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != call.expected()) {
                        throw new IllegalStateException(call.method() + " " + call.path() + " answered "
                                + response.statusCode() + ", expected " + call.expected() + ": " + body);
                    }
                    return body;
                }))
                .onSuccess(body -> {
                    if (start >= warmupEnd) {
                        latencies.add(System.nanoTime() - start);
                    }
                    send(client, calls, connection, sequence + 1, warmupEnd, end, latencies, finished, failure);
                })
                .onFailure(error -> {
                    failure.compareAndSet(null, error);
                    finished.complete(null);
                });
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
