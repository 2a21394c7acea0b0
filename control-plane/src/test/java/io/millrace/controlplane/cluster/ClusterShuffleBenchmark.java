package io.millrace.controlplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.millrace.controlplane.job.service.JobService;
import io.millrace.controlplane.job.service.SubmitOptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not part of {@code mvn verify} (the name does not match failsafe's {@code *IT}), not a test of behaviour (run on a quiet machine; it only asserts that both runs finished with the
 * exact output): the same keyed window job at parallelism 2, once on ONE worker process with 4 slots (every channel
 * is in-process) and once on TWO worker processes with 2 slots each (the scheduler spreads the subtasks, so about half
 * of the keyed shuffle crosses workers over gRPC with credit-based flow control). Prints one line:
 * {@code shuffle throughput: one worker X records/s, two workers Y records/s (Z%)}, measured from the job's first
 * RUNNING to FINISHED in the control plane's transition log.
 *
 * <pre>{@code
 * mvn -B -pl worker/server,control-plane -am install -DskipTests
 * mvn -B -pl control-plane verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=ClusterShuffleBenchmark [-Dcluster.bench.records=5000000]
 * }</pre>
 */
@QuarkusTest
@TestProfile(ClusterTestProfile.class)
class ClusterShuffleBenchmark {

    private static final Logger LOG = Logger.getLogger(ClusterShuffleBenchmark.class);
    private static final long RECORDS = Long.getLong("cluster.bench.records", 5_000_000L);
    /** Unthrottled in practice: the generator never waits for its schedule. */
    private static final WindowCountJob JOB = new WindowCountJob(RECORDS, 1_000_000_000L, 1024, 1000, 2);

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    JobService jobs;

    @Test
    void crossWorkerShuffleAgainstOneWorker() throws IOException {
        Path run = Files.createDirectories(Path.of("target", "cluster-bench", "run-" + System.currentTimeMillis())
                .toAbsolutePath());
        JobProbe probe = new JobProbe(dataSource);
        double one = measure(run.resolve("one"), probe, 1, 4);
        double two = measure(run.resolve("two"), probe, 2, 2);
        LOG.infof("shuffle throughput: one worker %.0f records/s, two workers %.0f records/s (%.0f%%), %d records",
                one, two, 100 * two / one, RECORDS);
    }

    private double measure(Path dir, JobProbe probe, int workers, int slots) throws IOException {
        try (WorkerFleet fleet = new WorkerFleet("bench-" + workers + "w", new WorkerProcess.Settings(root.getPort(),
                dir.resolve("workers"), dir.resolve("checkpoints"), dir.resolve("logs"), slots, Map.of()))) {
            for (int i = 0; i < workers; i++) {
                fleet.startWorker();
            }
            var ids = fleet.alive().stream().map(WorkerProcess::id).toList();
            await().atMost(Duration.ofSeconds(90)).until(() -> probe.connected(ids) >= workers);
            Path out = Files.createDirectories(dir.resolve("out"));
            String job = jobs.submit("bench", JOB.spec(out), SubmitOptions.defaults()).id().toString();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                String state = probe.job(job).state();
                if (state.equals("FAILED") || state.equals("CANCELED")) {
                    throw new AssertionError("job " + job + " ended " + state + ": " + probe.job(job).reason());
                }
                return state.equals("FINISHED");
            });
            assertThat(probe.job(job).attempt()).as("no failure during the measurement").isEqualTo(1);
            assertThat(CommittedOutput.windowRows(out)).containsExactlyElementsOf(JOB.expectedRows());
            Duration took = Duration.between(probe.firstTransition(job, "RUNNING").orElseThrow(),
                    probe.firstTransition(job, "FINISHED").orElseThrow());
            return RECORDS * 1000.0 / Math.max(1, took.toMillis());
        }
    }
}
