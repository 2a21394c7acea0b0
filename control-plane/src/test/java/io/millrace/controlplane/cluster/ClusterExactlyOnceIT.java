package io.millrace.controlplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.millrace.controlplane.job.service.JobService;
import io.millrace.controlplane.job.restart.RestartPolicy;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Exactly-once across real processes: the control plane in this JVM (real PostgreSQL), three worker JVMs started from
 * {@code worker/server/target/quarkus-app/quarkus-run.jar} (2 slots each, one shared {@code file://} checkpoint
 * store), and a keyed windowed job at parallelism 2 whose shuffle crosses workers, writing through the exactly-once
 * {@code file-sink}. The committed output is compared, row for row, with the result computed from the generator's
 * definition: once without failures, once with {@code kill -9} of a worker running tasks mid-stream.
 *
 * <p>Needs the worker jar: {@code mvn -pl worker/server -am package -DskipTests}. Worker logs:
 * {@code control-plane/target/cluster-it/<run>/logs}.
 */
@QuarkusTest
@TestProfile(ClusterTestProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterExactlyOnceIT {

    private static final Logger LOG = Logger.getLogger(ClusterExactlyOnceIT.class);
    private static final String TENANT = "cluster-tests";
    private static final Duration WORKERS_UP = Duration.ofSeconds(90);
    private static final Duration JOB_DONE = Duration.ofSeconds(120);
    /** ~10 s of input at 30 000 records/s: long enough to kill a worker after a checkpoint and before the end. */
    static final WindowCountJob JOB = new WindowCountJob(300_000, 30_000, 8, 100, 2);

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    JobService jobs;

    private Path run;
    private WorkerFleet fleet;
    private JobProbe probe;

    @BeforeAll
    void startWorkers() throws IOException {
        run = Files.createDirectories(Path.of("target", "cluster-it", "run-" + System.currentTimeMillis()).toAbsolutePath());
        probe = new JobProbe(dataSource);
        fleet = new WorkerFleet("cluster-w", new WorkerProcess.Settings(root.getPort(), run.resolve("workers"),
                run.resolve("checkpoints"), run.resolve("logs"), 2, Map.of()));
        for (int i = 0; i < 3; i++) {
            fleet.startWorker();
        }
        awaitConnected(3);
    }

    @AfterAll
    void stopWorkers() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    @Order(1)
    void aFailureFreeRunCommitsExactlyTheExpectedWindows() throws IOException {
        Path out = Files.createDirectories(run.resolve("out-failure-free"));
        String job = jobs.submit(TENANT, JOB.spec(out), SubmitOptions.defaults()).id().toString();

        awaitFinished(job);

        List<String> expected = JOB.expectedRows();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(CommittedOutput.windowRows(out))
                .hasSameSizeAs(expected).containsExactlyElementsOf(expected));
        assertThat(probe.job(job).attempt()).as("no failure, no redeploy").isEqualTo(1);
        assertOnlyRetainedCheckpointFilesRemain(job);
    }

    @Test
    @Order(2)
    void killingAWorkerMidStreamLosesAndDuplicatesNothing() throws IOException {
        Path out = Files.createDirectories(run.resolve("out-kill"));
        // A short fixed restart delay, as the recovery target assumes (the spec default backs off from 1 s).
        SubmitOptions fastRestart = new SubmitOptions(null, null, new RestartPolicy.FixedDelay(10, 100), null);
        String job = jobs.submit(TENANT, JOB.spec(out), fastRestart).id().toString();

        await().atMost(JOB_DONE).until(() -> probe.completedCheckpoints(job, 1) >= 1
                && "RUNNING".equals(probe.job(job).state()));
        List<String> ids = fleet.alive().stream().map(WorkerProcess::id).toList();
        // Placement from the control plane's job view (heartbeats' free_slots lag by up to one heartbeat interval).
        String victim = jobs.get(TENANT, java.util.UUID.fromString(job)).tasks().stream()
                .map(io.millrace.controlplane.job.service.TaskView::workerId).filter(ids::contains).sorted().findFirst()
                .orElseThrow(() -> new AssertionError("no worker of " + ids + " holds a slot of job " + job));
        long attempt = probe.job(job).attempt();

        fleet.byId(victim).orElseThrow().kill();
        Instant killedAt = Instant.now();
        assertThat(probe.job(job).state()).as("killed before the end of the input").isNotEqualTo("FINISHED");
        fleet.startWorker(); // the replacement machine

        await().atMost(JOB_DONE).until(() -> probe.runningAfter(job, attempt).isPresent());
        Instant running = probe.runningAfter(job, attempt).orElseThrow();
        await().atMost(JOB_DONE).until(() -> probe.checkpointAfter(job, attempt).isPresent()
                || "FINISHED".equals(probe.job(job).state()));
        Instant checkpointed = probe.checkpointAfter(job, attempt).orElse(null);
        LOG.infof("recovery: kill->running %d ms, kill->checkpoint %s ms (job=%s victim=%s heartbeat-timeout=%s)",
                Duration.between(killedAt, running).toMillis(),
                checkpointed == null ? "n/a (finished first)" : Duration.between(killedAt, checkpointed).toMillis(),
                job, victim, System.getProperty("cluster.heartbeat-timeout", "3s"));

        awaitFinished(job);
        List<String> expected = JOB.expectedRows();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(CommittedOutput.windowRows(out))
                .hasSameSizeAs(expected).containsExactlyElementsOf(expected));
        assertThat(probe.job(job).attempt()).as("recovered in a new attempt").isGreaterThan(attempt);
    }

    @Test
    @Order(3)
    void rescalingFromTwoToThreeMidStreamKeepsTheOutputExact() throws Exception {
        Path out = Files.createDirectories(run.resolve("out-rescale"));
        String job = jobs.submit(TENANT, JOB.spec(out), SubmitOptions.defaults()).id().toString();
        await().atMost(JOB_DONE).until(() -> probe.completedCheckpoints(job, 1) >= 1
                && "RUNNING".equals(probe.job(job).state()));
        long attempt = probe.job(job).attempt();

        // savepoint -> cancel -> re-plan at 3 -> redeploy with the savepoint: key groups move between subtasks.
        jobs.rescale(TENANT, java.util.UUID.fromString(job), 3).get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(probe.job(job).state()).as("rescaled before the end of the input").isNotEqualTo("FINISHED");

        awaitFinished(job);
        assertThat(jobs.get(TENANT, java.util.UUID.fromString(job)).parallelism()).isEqualTo(3);
        assertThat(probe.job(job).attempt()).as("redeployed in a new attempt").isGreaterThan(attempt);
        List<String> expected = JOB.expectedRows();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(CommittedOutput.windowRows(out))
                .hasSameSizeAs(expected).containsExactlyElementsOf(expected));
    }

    /**
     * Retention reached the store: once no checkpoint of the job waits to be discarded, the per-checkpoint folders hold
     * files of retained checkpoints only, and every shared SST is referenced by a retained checkpoint. The control plane
     * may not decode task states (no engine dependency, even in tests), but a task state writes each referenced store
     * path as plain UTF-8, so "referenced" is "its path occurs in a retained task state's bytes". Runs first (order 1):
     * the shared folder then holds this job's files only.
     */
    private void assertOnlyRetainedCheckpointFilesRemain(String job) throws IOException {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM checkpoint WHERE job_id = ?::uuid AND status = 'DISCARDING'",
                        job) == 0);
        List<Long> retained = longs("SELECT checkpoint_id FROM checkpoint WHERE job_id = ?::uuid"
                + " AND status = 'COMPLETED' AND kind = 'CHECKPOINT'", job);
        long checkpointsTaken = longs("SELECT last_checkpoint_id FROM job WHERE id = ?::uuid", job).get(0);
        assertThat(retained).as("retained").hasSizeBetween(1, 3);
        assertThat(checkpointsTaken).as("enough checkpoints for retention to have discarded some").isGreaterThan(4);
        String retainedStates = String.join("\n", strings("SELECT t.task_state FROM checkpoint_task_state t"
                + " JOIN checkpoint k ON k.job_id = t.job_id AND k.checkpoint_id = t.checkpoint_id"
                + " WHERE k.job_id = ?::uuid AND k.status = 'COMPLETED'", job));

        Path store = run.resolve("checkpoints");
        Path folders = store.resolve("checkpoints").resolve(job);
        List<Path> checkpointFiles = regularFiles(folders);
        assertThat(checkpointFiles).as("files of the retained checkpoints").isNotEmpty()
                .allSatisfy(f -> assertThat(Long.parseLong(folders.relativize(f).getName(0).toString()))
                        .as("checkpoint folder of %s", f).isIn(retained));
        List<Path> shared = regularFiles(store.resolve("shared"));
        assertThat(shared).as("shared SSTs").isNotEmpty().allSatisfy(f -> assertThat(retainedStates)
                .as("a retained task state references %s", f)
                .contains(store.relativize(f).toString().replace('\\', '/')));
        LOG.infof("job=%s: %d checkpoints taken, %s retained; store holds %d checkpoint-folder files and %d shared"
                + " files", job, checkpointsTaken, retained, checkpointFiles.size(), shared.size());
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private long count(String sql, String job) {
        return longs(sql, job).get(0);
    }

    private List<Long> longs(String sql, String job) {
        return query(sql, job, rs -> rs.getLong(1));
    }

    private List<String> strings(String sql, String job) {
        return query(sql, job, rs -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private interface Column<T> {
        T read(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    private <T> List<T> query(String sql, String job, Column<T> column) {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, job);
            List<T> rows = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(column.read(rs));
                }
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void awaitConnected(int workers) {
        List<String> ids = fleet.alive().stream().map(WorkerProcess::id).toList();
        await().atMost(WORKERS_UP).pollInterval(Duration.ofMillis(200)).until(() -> {
            fleet.alive(); // a worker that died at start-up shows in its log under run/logs
            return probe.connected(ids) >= workers;
        });
    }

    private void awaitFinished(String job) {
        await().atMost(JOB_DONE).pollInterval(Duration.ofMillis(200)).until(() -> {
            JobProbe.JobRow row = probe.job(job);
            if (row.state().equals("FAILED") || row.state().equals("CANCELED")) {
                throw new AssertionError("job " + job + " ended " + row.state() + ": " + row.reason()
                        + " (worker logs: " + run.resolve("logs") + ")");
            }
            return row.state().equals("FINISHED");
        });
    }
}
