package io.millrace.controlplane.pipeline.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A load driver, not a test of behaviour (the name does not match failsafe's {@code *IT}; it asserts only that no
 * request failed): authenticated {@code GET /api/v1/pipelines/{name}} and {@code PUT} of a new version, each from
 * several client threads over loopback for a fixed time after a warm-up, against real PostgreSQL and a Keycloak JWT
 * (verified locally by the control plane). Prints one line per phase with requests/s and p50/p99 latency.
 *
 * <pre>{@code
 * mvn -B -pl control-plane verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=PipelineApiBenchmark [-Dbench.seconds=10] [-Dbench.get-threads=8] [-Dbench.put-threads=4]
 * }</pre>
 */
@QuarkusTest
@TestProfile(ApiLoadProfile.class)
class PipelineApiBenchmark {

    private static final Logger LOG = Logger.getLogger(PipelineApiBenchmark.class);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup-seconds", 3);
    private static final int GET_THREADS = Integer.getInteger("bench.get-threads", 8);
    private static final int PUT_THREADS = Integer.getInteger("bench.put-threads", 4);

    @TestHTTPResource("/")
    URL root;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One client thread's request: its latency in nanoseconds, or an exception on an unexpected status. */
    @FunctionalInterface
    private interface Call {
        void run(int thread, long sequence) throws Exception;
    }

    @Test
    void readsAndWritesPerSecond() throws Exception {
        String token = ApiUsers.login().alice();
        String name = Specs.freshName();
        send(put(token, name, Specs.yaml(name, 0)), 201);
        List<String> own = new ArrayList<>();
        for (int t = 0; t < PUT_THREADS; t++) {
            String mine = name + "-w" + t;
            own.add(mine);
            send(put(token, mine, Specs.yaml(mine, 0)), 201);
        }
        HttpRequest get = HttpRequest.newBuilder(URI.create(root + "api/v1/pipelines/" + name))
                .header("Authorization", "Bearer " + token).GET().build();
        Result reads = run("GET /api/v1/pipelines/{name}", GET_THREADS, (thread, i) -> send(get, 200));
        AtomicLong version = new AtomicLong(1);
        Result writes = run("PUT /api/v1/pipelines/{name} (new version)", PUT_THREADS,
                (thread, i) -> send(put(token, own.get(thread), Specs.yaml(own.get(thread),
                        (int) version.incrementAndGet())), 200));
        LOG.infof("api load: GET %s | PUT %s", reads, writes);
        assertThat(reads.count()).isPositive();
        assertThat(writes.count()).isPositive();
    }

    private HttpRequest put(String token, String name, String spec) {
        return HttpRequest.newBuilder(URI.create(root + "api/v1/pipelines/" + name))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(spec)).build();
    }

    private void send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ", expected " + expected + ": " + response.body());
        }
    }

    record Result(String what, long count, double perSecond, double p50Millis, double p99Millis, int threads) {
        @Override
        public String toString() {
            return String.format("%s: %d requests, %.0f req/s, p50 %.1f ms, p99 %.1f ms (%d client threads)", what,
                    count, perSecond, p50Millis, p99Millis, threads);
        }
    }

    /** Warm-up, then {@link #SECONDS} of calls from {@code threads} threads; latencies of the measured part only. */
    private Result run(String what, int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long warmupEnd = System.nanoTime() + Duration.ofSeconds(WARMUP_SECONDS).toNanos();
            long end = warmupEnd + Duration.ofSeconds(SECONDS).toNanos();
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    long sequence = 0;
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        call.run(thread, sequence++);
                        long took = System.nanoTime() - start;
                        if (start >= warmupEnd) {
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = took;
                        }
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> f : futures) {
                long[] part = f.get();
                long[] merged = Arrays.copyOf(all, all.length + part.length);
                System.arraycopy(part, 0, merged, all.length, part.length);
                all = merged;
            }
            Arrays.sort(all);
            return new Result(what, all.length, all.length / (double) SECONDS, percentile(all, 0.50),
                    percentile(all, 0.99), threads);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
