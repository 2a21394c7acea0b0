package io.millrace.controlplane.job.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.controlplane.job.JobState;
import io.millrace.controlplane.job.persistence.CheckpointRecord;
import io.millrace.controlplane.job.persistence.CheckpointStore;
import io.millrace.controlplane.job.restart.RestartPolicy;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.DeployTasks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jobs end to end through the control plane with real PostgreSQL and fake workers speaking the real protocol over
 * gRPC: scheduling, checkpoint completion and its ordering, recovery from a lost worker and from a failed restore, and
 * waiting for slots. Each test cancels its jobs and closes its workers, so their slots do not leak into other tests.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class JobLifecycleIT {

    private static final System.Logger TEST_LOG = System.getLogger(JobLifecycleIT.class.getName());

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String TENANT = "it-lifecycle";

    @TestHTTPResource("/")
    URL root;

    @Inject
    JobService jobs;

    @Inject
    CheckpointStore checkpoints;

    @Inject
    JobStore store;

    @Inject
    JobMasters masters;

    private final FakeCluster cluster = new FakeCluster();
    private final List<FakeWorker> workers = new ArrayList<>();

    /**
     * Jobs other test classes of this Quarkus app left waiting for slots (REST tests deploy without workers) would be
     * scheduled onto this test's fake workers and take their slots: this class owns the cluster while it runs.
     */
    @BeforeEach
    void cancelLeftoversOfOtherTests() {
        for (JobRecord job : store.inStates(java.util.Arrays.stream(JobState.values()).filter(s -> !s.isTerminal())
                .toList())) {
            try {
                jobs.cancel(job.tenantId(), job.id()).get(10, TimeUnit.SECONDS);
            } catch (Exception alreadyEnding) {
                // a job that ended meanwhile is fine
            }
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (JobView job : jobs.list(TENANT)) {
            if (!job.state().isTerminal()) {
                try {
                    jobs.cancel(TENANT, job.id()).get(10, TimeUnit.SECONDS);
                } catch (Exception alreadyEnding) {
                    // a job that ended meanwhile is fine
                }
            }
        }
        for (FakeWorker worker : workers) {
            worker.close();
        }
    }

    private FakeWorker worker(String id, int slots) {
        FakeWorker worker = new FakeWorker(id + "-" + UUID.randomUUID().toString().substring(0, 6), slots,
                root.getPort(), cluster).start();
        workers.add(worker);
        return worker;
    }

    private static SubmitOptions options(Duration checkpointInterval) {
        return new SubmitOptions(null, null, new RestartPolicy.FixedDelay(5, 50), checkpointInterval);
    }

    private JobView awaitState(UUID id, JobState state, long attempt) {
        await().atMost(PATIENCE).until(() -> {
            JobView job = jobs.get(TENANT, id);
            return job.state() == state && job.attempt() == attempt;
        });
        return jobs.get(TENANT, id);
    }

    private static DeployTasks deployOfAttempt(FakeWorker worker, UUID job, long attempt) {
        return worker.deploysOf(job.toString()).stream().filter(d -> d.getAttempt() == attempt).findFirst()
                .orElseThrow();
    }

    private static Set<String> restoredCheckpointIds(DeployTasks deploy) {
        return deploy.getRestore().getTaskStatesList().stream()
                .map(bytes -> bytes.toString(StandardCharsets.UTF_8).replaceAll(".*@", ""))
                .collect(Collectors.toSet());
    }

    @Test
    void aJobIsScheduledOverLiveWorkersAndRunsWhenEveryTaskRuns() throws Exception {
        FakeWorker a = worker("sched-a", 2);
        FakeWorker b = worker("sched-b", 2);
        UUID id = jobs.submit(TENANT, SpecPlannerTest.spec("keyed-count.yaml"), options(Duration.ofHours(1))).id();

        JobView running = awaitState(id, JobState.RUNNING, 1);
        assertThat(running.tasks()).hasSize(4).allSatisfy(t -> assertThat(t.state()).isEqualTo("RUNNING"));
        // SPREAD: the two subtasks of each chain on different workers.
        assertThat(running.tasks().stream().filter(t -> t.chainId().equals("bids")).map(TaskView::workerId))
                .containsExactlyInAnyOrder(a.id(), b.id());
        DeployTasks deploy = deployOfAttempt(a, id, 1);
        assertThat(deploy.getAssignmentsCount()).isEqualTo(4);
        assertThat(deploy.getAssignmentsList()).allSatisfy(t -> assertThat(t.getDataAddress())
                .isEqualTo(t.getWorkerId() + ":7070"));
        assertThat(deploy.hasRestore()).isFalse();
        assertThat(deploy.getPlanJson()).contains("\"bids\"");
    }

    @Test
    void aCheckpointCompletesOnlyAfterEveryAckAndIsCommittedBeforeWorkersHearOfIt() throws Exception {
        FakeWorker a = worker("ckpt-a", 2);
        FakeWorker b = worker("ckpt-b", 2);
        b.holdAcks(true);
        List<String> completeSeenWithRow = new CopyOnWriteArrayList<>();
        a.onControl(message -> {
            if (message.hasCheckpointComplete()) {
                var c = message.getCheckpointComplete();
                boolean committed = checkpoints.find(TENANT, UUID.fromString(c.getJobId()), c.getCheckpointId())
                        .map(CheckpointRecord::completed).orElse(false);
                completeSeenWithRow.add(c.getCheckpointId() + ":" + committed);
            }
        });
        UUID id = jobs.submit(TENANT, SpecPlannerTest.spec("keyed-count.yaml"), options(Duration.ofMillis(300)))
                .id();
        awaitState(id, JobState.RUNNING, 1);
        await().atMost(PATIENCE).until(() -> a.received().stream().anyMatch(ControlMessage::hasTriggerCheckpoint)
                || b.received().stream().anyMatch(ControlMessage::hasTriggerCheckpoint));

        // Half the tasks acknowledged: nothing is completed, no worker was told, and no further trigger (max 1).
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() ->
                jobs.checkpoints(TENANT, id).isEmpty()
                        && a.received().stream().noneMatch(ControlMessage::hasCheckpointComplete));
        long triggers = a.received().stream().filter(ControlMessage::hasTriggerCheckpoint).count()
                + b.received().stream().filter(ControlMessage::hasTriggerCheckpoint).count();
        assertThat(triggers).isBetween(1L, 2L);

        b.holdAcks(false);
        await().atMost(PATIENCE).until(() -> !completeSeenWithRow.isEmpty());
        assertThat(completeSeenWithRow.get(0)).endsWith(":true");
        CheckpointRecord first = jobs.checkpoints(TENANT, id).stream().filter(CheckpointRecord::completed)
                .reduce((newer, older) -> older).orElseThrow();
        assertThat(first.savepoint()).isFalse();
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(checkpoints.taskStates(id, first.checkpointId())).hasSize(4)
                .allSatisfy(state -> assertThat(new String(state.taskState(), StandardCharsets.UTF_8))
                        .isEqualTo(id + "/1/" + state.chainId() + "#" + state.subtask() + "@" + first.checkpointId()));

        // Retention: periodic checkpoints go on; never more than 3 completed checkpoints stay on record.
        await().atMost(PATIENCE).until(() -> jobs.checkpoints(TENANT, id).stream()
                .filter(CheckpointRecord::completed).mapToLong(CheckpointRecord::checkpointId).max().orElse(0) >= 5);
        assertThat(jobs.checkpoints(TENANT, id).stream().filter(CheckpointRecord::completed)).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void retentionHandsOldCheckpointsToAWorkerToDeleteTheirFilesAndForgetsThemOnlyWhenItSucceeded() throws Exception {
        FakeWorker worker = worker("discard", 4);
        worker.answerDiscards(FakeWorker.DiscardAnswer.SILENT);
        UUID id = jobs.submit(TENANT, SpecPlannerTest.spec("keyed-count.yaml"), options(Duration.ofMillis(200)))
                .id();
        awaitState(id, JobState.RUNNING, 1);
        await().atMost(PATIENCE).until(() -> jobs.checkpoints(TENANT, id).stream()
                .filter(CheckpointRecord::completed).mapToLong(CheckpointRecord::checkpointId).max().orElse(0) >= 6);
        jobs.cancel(TENANT, id).get(10, TimeUnit.SECONDS);

        // Retention kept the newest 3 completed checkpoints; the older ones wait as DISCARDING, task states kept.
        List<CheckpointRecord> rows = jobs.checkpoints(TENANT, id);
        List<Long> kept = rows.stream().filter(CheckpointRecord::completed).map(CheckpointRecord::checkpointId)
                .sorted().toList();
        List<Long> discarding = rows.stream().filter(CheckpointRecord::discarding)
                .map(CheckpointRecord::checkpointId).sorted().toList();
        assertThat(kept).hasSize(3);
        assertThat(discarding).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThan(kept.get(0)));
        assertThat(checkpoints.taskStates(id, discarding.get(0))).hasSize(4);
        assertThat(checkpoints.latestUsable(id).orElseThrow().checkpointId()).isEqualTo(kept.get(2));
        assertThatResumeRefuses(id, discarding.get(0));

        // The request (resent every interval while unanswered): every discarding checkpoint's task states, and the
        // task states of the retained ones, exactly as acknowledged.
        var request = await().atMost(PATIENCE).until(() -> lastDiscardOf(worker, id), r -> r != null
                && r.getCheckpointIdsList().equals(discarding));
        assertThat(request.getCheckpointStoreUri()).isEmpty();
        assertThat(utf8(request.getDiscardedTaskStatesList())).containsExactlyInAnyOrderElementsOf(
                statesOf(id, discarding));
        assertThat(utf8(request.getRetainedTaskStatesList())).containsExactlyInAnyOrderElementsOf(
                statesOf(id, kept));

        // A failed discard keeps the rows; they are asked for again.
        worker.answerDiscards(FakeWorker.DiscardAnswer.ERROR);
        long before = discardsOf(worker, id);
        await().atMost(PATIENCE).until(() -> discardsOf(worker, id) >= before + 2);
        assertThat(jobs.checkpoints(TENANT, id).stream().filter(CheckpointRecord::discarding)
                .map(CheckpointRecord::checkpointId).sorted().toList()).isEqualTo(discarding);

        // Success: the rows go, the retained ones stay untouched.
        worker.answerDiscards(FakeWorker.DiscardAnswer.DELETED);
        await().atMost(PATIENCE).until(() -> jobs.checkpoints(TENANT, id).stream()
                .noneMatch(CheckpointRecord::discarding));
        assertThat(jobs.checkpoints(TENANT, id).stream().filter(CheckpointRecord::completed)
                .map(CheckpointRecord::checkpointId).sorted().toList()).isEqualTo(kept);
        assertThat(checkpoints.taskStates(id, discarding.get(0))).isEmpty();
    }

    private void assertThatResumeRefuses(UUID id, long discardingCheckpoint) {
        try {
            jobs.resume(TENANT, id, discardingCheckpoint, new SubmitOptions(null, null, null, null));
            throw new AssertionError("resume from discarding checkpoint " + discardingCheckpoint + " was accepted");
        } catch (JobOperationException refused) {
            assertThat(refused.getMessage()).contains("retention discarded it");
        }
    }

    private static io.millrace.protocol.v1.DiscardCheckpoints lastDiscardOf(FakeWorker worker, UUID id) {
        return worker.received().stream().filter(ControlMessage::hasDiscardCheckpoints)
                .map(ControlMessage::getDiscardCheckpoints).filter(d -> d.getJobId().equals(id.toString()))
                .reduce((first, second) -> second).orElse(null);
    }

    private static long discardsOf(FakeWorker worker, UUID id) {
        return worker.received().stream().filter(m -> m.hasDiscardCheckpoints()
                && m.getDiscardCheckpoints().getJobId().equals(id.toString())).count();
    }

    private static List<String> utf8(List<com.google.protobuf.ByteString> states) {
        return states.stream().map(b -> b.toString(StandardCharsets.UTF_8)).toList();
    }

    private List<String> statesOf(UUID id, List<Long> checkpointIds) {
        return checkpointIds.stream().flatMap(c -> checkpoints.taskStates(id, c).stream())
                .map(s -> new String(s.taskState(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void aLostWorkerRestartsTheJobOnLiveWorkersFromTheLatestCheckpoint() throws Exception {
        FakeWorker a = worker("lost-a", 2);
        FakeWorker b = worker("lost-b", 2);
        UUID id = jobs.submit(TENANT, SpecPlannerTest.spec("keyed-count.yaml"), options(Duration.ofMillis(300)))
                .id();
        awaitState(id, JobState.RUNNING, 1);
        await().atMost(PATIENCE).until(() -> jobs.checkpoints(TENANT, id).stream()
                .anyMatch(CheckpointRecord::completed));
        FakeWorker c = worker("lost-c", 2);

        b.freeze();
        JobView recovered = awaitState(id, JobState.RUNNING, 2);
        assertThat(recovered.failureCount()).isEqualTo(1);
        assertThat(recovered.lastFailure()).contains("worker " + b.id() + " lost");
        assertThat(recovered.tasks()).extracting(TaskView::workerId).doesNotContain(b.id())
                .contains(c.id());

        DeployTasks redeploy = deployOfAttempt(a, id, 2);
        long restoredId = redeploy.getRestore().getCheckpointId();
        CheckpointRecord restored = checkpoints.find(TENANT, id, restoredId).orElseThrow();
        assertThat(restored.completed()).isTrue();
        assertThat(restored.attempt()).isEqualTo(1);
        // Every task state of that checkpoint, exactly as the tasks acknowledged them.
        assertThat(redeploy.getRestore().getTaskStatesCount()).isEqualTo(4);
        assertThat(restoredCheckpointIds(redeploy)).containsExactly(String.valueOf(restoredId));
        // The newest completed checkpoint of attempt 1 at the time of the failure is the one restored.
        assertThat(jobs.checkpoints(TENANT, id).stream()
                .filter(ch -> ch.completed() && ch.attempt() == 1).mapToLong(CheckpointRecord::checkpointId).max()
                .orElseThrow()).isEqualTo(restoredId);
        // Exactly one worker recovers the sinks.
        long recoverers = List.of(a, c).stream().filter(w -> deployOfAttempt(w, id, 2).getRecoverSinks()).count();
        assertThat(recoverers).isEqualTo(1);
    }

    @Test
    void onARestoreTheOtherWorkersAreDeployedOnlyAfterTheSinkRecovererReportedItsTasksRunning() throws Exception {
        FakeWorker a = worker("order-a", 2);
        FakeWorker b = worker("order-b", 2);
        UUID id = jobs.submit(TENANT, SpecPlannerTest.spec("keyed-count.yaml"), options(Duration.ofMillis(300)))
                .id();
        awaitState(id, JobState.RUNNING, 1);
        await().atMost(PATIENCE).until(() -> jobs.checkpoints(TENANT, id).stream()
                .anyMatch(CheckpointRecord::completed));
        // The sink recoverer of attempt 2 stays DEPLOYING (its recovery "runs") until released.
        List.of(a, b).forEach(w -> w.holdRunningWhen(d -> d.getAttempt() == 2 && d.getRecoverSinks()));

        a.failTask(id.toString(), "RuntimeException: boom");
        await().atMost(PATIENCE).until(() -> List.of(a, b).stream()
                .anyMatch(w -> w.deploysOf(id.toString()).stream().anyMatch(d -> d.getAttempt() == 2)));
        FakeWorker recoverer = List.of(a, b).stream()
                .filter(w -> w.deploysOf(id.toString()).stream().anyMatch(d -> d.getAttempt() == 2)).findFirst()
                .orElseThrow();
        FakeWorker other = recoverer == a ? b : a;
        assertThat(deployOfAttempt(recoverer, id, 2).getRecoverSinks()).isTrue();
        assertThat(deployOfAttempt(recoverer, id, 2).hasRestore()).isTrue();
        // While the recoverer has not reported RUNNING, the other worker gets nothing and the job is not RUNNING.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() ->
                other.deploysOf(id.toString()).stream().noneMatch(d -> d.getAttempt() == 2)
                        && jobs.get(TENANT, id).state() != JobState.RUNNING);

        recoverer.releaseRunning();
        JobView running = awaitState(id, JobState.RUNNING, 2);
        DeployTasks follower = deployOfAttempt(other, id, 2);
        assertThat(follower.getRecoverSinks()).isFalse();
        assertThat(follower.getRestore().getCheckpointId())
                .isEqualTo(deployOfAttempt(recoverer, id, 2).getRestore().getCheckpointId());
        assertThat(running.tasks()).extracting(TaskView::workerId).contains(a.id(), b.id());
    }

    @Test
    void aCancelWhileDeploymentsAreHeldForSinkRecoveryDoesNotWaitForWorkersThatGotNothing() throws Exception {
        FakeWorker a = worker("held-a", 2);
        FakeWorker b = worker("held-b", 2);
        UUID id = jobs.submit(TENANT, SpecPlannerTest.spec("keyed-count.yaml"), options(Duration.ofMillis(300)))
                .id();
        awaitState(id, JobState.RUNNING, 1);
        await().atMost(PATIENCE).until(() -> jobs.checkpoints(TENANT, id).stream()
                .anyMatch(CheckpointRecord::completed));
        List.of(a, b).forEach(w -> w.holdRunningWhen(d -> d.getAttempt() == 2 && d.getRecoverSinks()));
        a.failTask(id.toString(), "RuntimeException: boom");
        await().atMost(PATIENCE).until(() -> jobs.get(TENANT, id).attempt() == 2 && List.of(a, b).stream()
                .anyMatch(w -> w.deploysOf(id.toString()).stream().anyMatch(d -> d.getAttempt() == 2)));

        long started = System.nanoTime();
        // The recoverer's tasks answer the cancel; the held worker has no task to confirm (cancel-timeout is 30 s).
        JobView cancelled = jobs.cancel(TENANT, id).get(10, TimeUnit.SECONDS);
        assertThat(cancelled.state()).isEqualTo(JobState.CANCELED);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5_000);
        assertThat(List.of(a, b).stream().filter(w -> w.deploysOf(id.toString()).stream()
                .anyMatch(d -> d.getAttempt() == 2)).count()).as("only the recoverer was deployed").isEqualTo(1);
    }

    @Test
    void aKilledWorkersDroppedStreamTriggersRecoveryAtOnceWithoutWaitingForTheHeartbeatDeadline() throws Exception {
        worker("kill-a", 2);
        FakeWorker b = worker("kill-b", 2);
        UUID id = jobs.submit(TENANT, SpecPlannerTest.spec("keyed-count.yaml"), options(Duration.ofMillis(300)))
                .id();
        awaitState(id, JobState.RUNNING, 1);
        await().atMost(PATIENCE).until(() -> jobs.checkpoints(TENANT, id).stream()
                .anyMatch(CheckpointRecord::completed));
        worker("kill-c", 2);

        long killedAt = System.nanoTime();
        b.kill();
        JobView recovered = awaitState(id, JobState.RUNNING, 2);
        long recoveryMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        TEST_LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                "recovery after kill: %d ms from the dropped stream to attempt 2 RUNNING", recoveryMillis));
        assertThat(recovered.lastFailure()).contains("worker " + b.id() + " lost");
        // The heartbeat timeout in tests is 1.5 s; the dropped stream is noticed without waiting for it.
        assertThat(recoveryMillis).isLessThan(1500);
    }

    @Test
    void afterAControlPlaneStartARunningJobIsRedeployedAndItsOldAttemptCancelled() throws Exception {
        FakeWorker a = worker("resume-cp-a", 4);
        // A job the previous control-plane process left RUNNING at attempt 1 (this process has no master for it).
        var planned = new SpecPlanner().plan(SpecPlannerTest.spec("keyed-count.yaml"),
                io.millrace.spec.parse.Format.YAML, null);
        UUID id = store.create(io.millrace.controlplane.job.persistence.JobEntity.created(UUID.randomUUID(), TENANT,
                "left-running", SpecPlannerTest.spec("keyed-count.yaml"), "YAML",
                new io.millrace.spec.plan.PlanCodec().toJson(planned.plan()), null,
                new io.millrace.controlplane.job.restart.RestartPolicyCodec().toJson(
                        new RestartPolicy.FixedDelay(3, 10)), 3_600_000, 600_000, java.time.Instant.now())).id();
        store.deployNextAttempt(id, "deployed by the previous process");
        store.transition(id, JobState.RUNNING, "all tasks running");

        masters.resumeJobs(null);

        JobView resumed = awaitState(id, JobState.RUNNING, 2);
        assertThat(store.history(TENANT, id)).anySatisfy(t -> {
            assertThat(t.toState()).isEqualTo(JobState.RESTARTING);
            assertThat(t.reason()).isEqualTo("control plane restarted; redeploying from the latest checkpoint");
        });
        assertThat(a.received()).anySatisfy(m -> {
            assertThat(m.hasCancel()).isTrue();
            assertThat(m.getCancel().getJobId()).isEqualTo(id.toString());
            assertThat(m.getCancel().getAttempt()).isEqualTo(1);
        });
        // The cancel of the old attempt reached the worker before the new deployment.
        int cancelAt = -1;
        int deployAt = -1;
        for (int i = 0; i < a.received().size(); i++) {
            ControlMessage m = a.received().get(i);
            if (m.hasCancel() && m.getCancel().getJobId().equals(id.toString()) && cancelAt < 0) {
                cancelAt = i;
            }
            if (m.hasDeploy() && m.getDeploy().getJobId().equals(id.toString())) {
                deployAt = i;
            }
        }
        assertThat(cancelAt).isBetween(0, deployAt);
        assertThat(resumed.tasks()).hasSize(4);
    }

    @Test
    void whenEverySourceFinishedTheFinalCheckpointRunsAndTheJobFinishes() throws Exception {
        FakeWorker a = worker("final-a", 2);
        FakeWorker b = worker("final-b", 2);
        UUID id = jobs.submit(TENANT, SpecPlannerTest.spec("keyed-count.yaml"), options(Duration.ofHours(1))).id();
        awaitState(id, JobState.RUNNING, 1);

        a.finishSources(id.toString(), "bids");
        // One of two sources finished: no final checkpoint yet.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> Stream.of(a, b)
                .flatMap(w -> w.received().stream()).noneMatch(m -> m.hasTriggerCheckpoint()));
        b.finishSources(id.toString(), "bids");

        JobView finished = awaitState(id, JobState.FINISHED, 1);
        assertThat(finished.stateReason()).isEqualTo("every task finished");
        CheckpointRecord last = jobs.checkpoints(TENANT, id).get(0);
        assertThat(last.finalCheckpoint()).isTrue();
        assertThat(last.completed()).isTrue();
    }

    @Test
    void aFailedRestoreMarksTheCheckpointUnusableAndFallsBackToThePreviousOne() throws Exception {
        FakeWorker a = worker("restore-a", 2);
        FakeWorker b = worker("restore-b", 2);
        UUID id = jobs.submit(TENANT, SpecPlannerTest.spec("keyed-count.yaml"), options(Duration.ofMillis(300)))
                .id();
        awaitState(id, JobState.RUNNING, 1);
        await().atMost(PATIENCE).until(() -> jobs.checkpoints(TENANT, id).stream()
                .filter(CheckpointRecord::completed).count() >= 2);
        // Attempt 2 cannot read its checkpoint's files; attempt 3 can read the older one.
        a.failRestoreWhen(deploy -> deploy.getAttempt() == 2);
        a.failTask(id.toString(), "RuntimeException: user function threw");

        JobView recovered = awaitState(id, JobState.RUNNING, 3);
        long broken = deployOfAttempt(a, id, 2).getRestore().getCheckpointId();
        long fallback = deployOfAttempt(a, id, 3).getRestore().getCheckpointId();
        CheckpointRecord brokenRow = checkpoints.find(TENANT, id, broken).orElseThrow();
        assertThat(brokenRow.usable()).isFalse();
        assertThat(brokenRow.unusableReason()).contains("restore failed in attempt 2")
                .contains("checkpoint file missing");
        assertThat(fallback).isLessThan(broken);
        assertThat(jobs.checkpoints(TENANT, id).stream().filter(ch -> ch.completed() && ch.usable()
                && ch.checkpointId() < broken).mapToLong(CheckpointRecord::checkpointId).max().orElseThrow())
                .isEqualTo(fallback);
        assertThat(recovered.failureCount()).isEqualTo(2);
    }

    @Test
    void aJobWithoutEnoughSlotsSaysWhyAndIsScheduledWhenAWorkerJoins() throws Exception {
        FakeWorker a = worker("slots-a", 2);
        UUID id = jobs.submit(TENANT, SpecPlannerTest.spec("keyed-count.yaml"), options(Duration.ofHours(1))).id();
        await().atMost(PATIENCE).until(() -> jobs.get(TENANT, id).stateReason() != null);
        JobView waiting = jobs.get(TENANT, id);
        assertThat(waiting.state()).isEqualTo(JobState.CREATED);
        assertThat(waiting.stateReason()).startsWith("waiting for slots: needs 4 slots, 2 free on 1 live workers ("
                + a.id() + ": 2); add workers or lower parallelism");

        worker("slots-b", 2);
        awaitState(id, JobState.RUNNING, 1);
    }

    @Test
    void savepointThenStopCancelsTheJobNamingTheSavepoint() throws Exception {
        worker("stop-a", 4);
        UUID id = jobs.submit(TENANT, SpecPlannerTest.spec("keyed-count.yaml"), options(Duration.ofHours(1))).id();
        awaitState(id, JobState.RUNNING, 1);

        CheckpointRecord savepoint = jobs.savepoint(TENANT, id).get(20, TimeUnit.SECONDS);
        assertThat(savepoint.savepoint()).isTrue();
        assertThat(savepoint.completed()).isTrue();

        JobView stopped = jobs.stopWithSavepoint(TENANT, id).get(20, TimeUnit.SECONDS);
        assertThat(stopped.state()).isEqualTo(JobState.CANCELED);
        long stopSavepoint = jobs.checkpoints(TENANT, id).stream().filter(CheckpointRecord::savepoint)
                .mapToLong(CheckpointRecord::checkpointId).max().orElseThrow();
        assertThat(stopSavepoint).isGreaterThan(savepoint.checkpointId());
        assertThat(stopped.stateReason()).isEqualTo("stopped with savepoint " + stopSavepoint);
    }

    @Test
    void rescaleRedeploysAtTheNewParallelismFromASavepoint() throws Exception {
        FakeWorker a = worker("rescale-a", 3);
        worker("rescale-b", 3);
        UUID id = jobs.submit(TENANT, SpecPlannerTest.spec("keyed-count.yaml"), options(Duration.ofHours(1))).id();
        awaitState(id, JobState.RUNNING, 1);

        jobs.rescale(TENANT, id, 3).get(20, TimeUnit.SECONDS);
        JobView rescaled = awaitState(id, JobState.RUNNING, 2);
        assertThat(rescaled.parallelism()).isEqualTo(3);
        assertThat(rescaled.tasks()).hasSize(6);
        DeployTasks redeploy = deployOfAttempt(a, id, 2);
        CheckpointRecord restored = checkpoints.find(TENANT, id, redeploy.getRestore().getCheckpointId())
                .orElseThrow();
        assertThat(restored.savepoint()).isTrue();
        assertThat(redeploy.getRestore().getSavepoint()).isTrue();
        assertThat(redeploy.getRestore().getTaskStatesCount()).isEqualTo(4);
    }

    @Test
    void resumeFromASavepointStartsANewJobFromItsState() throws Exception {
        FakeWorker a = worker("resume-a", 4);
        UUID id = jobs.submit(TENANT, SpecPlannerTest.spec("keyed-count.yaml"), options(Duration.ofHours(1))).id();
        awaitState(id, JobState.RUNNING, 1);
        JobView stopped = jobs.stopWithSavepoint(TENANT, id).get(20, TimeUnit.SECONDS);
        long savepoint = Long.parseLong(stopped.stateReason().replace("stopped with savepoint ", ""));

        UUID resumed = jobs.resume(TENANT, id, savepoint, SubmitOptions.defaults()).id();
        awaitState(resumed, JobState.RUNNING, 1);
        DeployTasks deploy = deployOfAttempt(a, resumed, 1);
        assertThat(deploy.getRestore().getCheckpointId()).isEqualTo(savepoint);
        assertThat(restoredCheckpointIds(deploy)).containsExactly(String.valueOf(savepoint));
        assertThat(deploy.getRecoverSinks()).isTrue();
    }
}
