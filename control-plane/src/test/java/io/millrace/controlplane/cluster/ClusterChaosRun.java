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
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The kill -9 scenario of {@link ClusterExactlyOnceIT}, longer and repeated: {@code chaos.kills} cycles of "wait for a
 * completed checkpoint of the current attempt, kill -9 a random worker holding slots, start a replacement, wait until
 * the job runs again", then the committed output must still be exactly the expected one. Not part of {@code mvn verify}
 * (the name does not match failsafe's {@code *IT}): {@code scripts/chaos} runs it with {@code -Dit.test=ClusterChaosRun
 * -Dchaos.kills=N} (default 3); {@code chaos.records} (default 900000 at 30000/s) sizes the
 * job and {@code chaos.seed} picks the victims.
 */
@QuarkusTest
@TestProfile(ClusterTestProfile.class)
class ClusterChaosRun {

    private static final Logger LOG = Logger.getLogger(ClusterChaosRun.class);

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    JobService jobs;

    @Test
    void committedOutputIsExactAfterRandomKills() throws Exception {
        int kills = Integer.getInteger("chaos.kills", 3);
        long records = Long.getLong("chaos.records", 900_000L);
        Random random = new Random(Long.getLong("chaos.seed", System.nanoTime()));
        WindowCountJob spec = new WindowCountJob(records, 30_000, 8, 100, 2);
        Path run = Files.createDirectories(Path.of("target", "cluster-it", "chaos-" + System.currentTimeMillis())
                .toAbsolutePath());
        JobProbe probe = new JobProbe(dataSource);
        try (WorkerFleet fleet = new WorkerFleet("chaos-w", new WorkerProcess.Settings(root.getPort(),
                run.resolve("workers"), run.resolve("checkpoints"), run.resolve("logs"), 2, Map.of()))) {
            for (int i = 0; i < 3; i++) {
                fleet.startWorker();
            }
            List<String> first = fleet.alive().stream().map(WorkerProcess::id).toList();
            await().atMost(Duration.ofSeconds(90)).until(() -> probe.connected(first) >= 3);
            Path out = Files.createDirectories(run.resolve("out"));
            String job = jobs.submit("chaos-tests", spec.spec(out), SubmitOptions.defaults()).id().toString();

            List<Long> recoveries = new ArrayList<>();
            for (int cycle = 1; cycle <= kills; cycle++) {
                long attempt = probe.job(job).attempt();
                await().atMost(Duration.ofMinutes(3)).until(() -> "FINISHED".equals(probe.job(job).state())
                        || ("RUNNING".equals(probe.job(job).state()) && probe.completedCheckpoints(job, attempt) >= 1));
                if ("FINISHED".equals(probe.job(job).state())) {
                    LOG.warnf("chaos: job finished after %d of %d kills; raise chaos.records", cycle - 1, kills);
                    break;
                }
                List<String> alive = fleet.alive().stream().map(WorkerProcess::id).toList();
                List<String> busy = jobs.get("chaos-tests", java.util.UUID.fromString(job)).tasks().stream()
                        .map(io.millrace.controlplane.job.service.TaskView::workerId).filter(alive::contains)
                        .distinct().sorted().toList();
                String victim = busy.get(random.nextInt(busy.size()));
                fleet.byId(victim).orElseThrow().kill();
                Instant killed = Instant.now();
                fleet.startWorker();
                await().atMost(Duration.ofMinutes(3)).until(() -> probe.runningAfter(job, attempt).isPresent());
                long millis = Duration.between(killed, probe.runningAfter(job, attempt).orElseThrow()).toMillis();
                recoveries.add(millis);
                LOG.infof("chaos: cycle %d/%d killed %s, job=%s running again after %d ms", cycle, kills, victim, job, millis);
            }
            await().atMost(Duration.ofMinutes(5)).until(() -> {
                String state = probe.job(job).state();
                if (state.equals("FAILED")) {
                    throw new AssertionError("job failed: " + probe.job(job).reason());
                }
                return state.equals("FINISHED");
            });
            List<String> expected = spec.expectedRows();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(CommittedOutput.windowRows(out)).containsExactlyElementsOf(expected));
            LOG.infof("chaos: %d kills, recoveries kill->running ms %s, output exact (%d rows)", recoveries.size(),
                    recoveries, expected.size());
        }
    }
}
