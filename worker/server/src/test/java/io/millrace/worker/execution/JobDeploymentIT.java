package io.millrace.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.engine.runtime.checkpoint.TaskStateSnapshot;
import io.millrace.engine.runtime.checkpoint.TaskStateSnapshotCodec;
import io.millrace.protocol.v1.CancelJob;
import io.millrace.protocol.v1.CheckpointAck;
import io.millrace.protocol.v1.CheckpointComplete;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.DeployTasks;
import io.millrace.protocol.v1.Heartbeat;
import io.millrace.protocol.v1.JobRuntimeSettings;
import io.millrace.protocol.v1.TaskAssignment;
import io.millrace.protocol.v1.TaskMetricsSample;
import io.millrace.protocol.v1.TaskRef;
import io.millrace.protocol.v1.TaskState;
import io.millrace.protocol.v1.TaskStateChanged;
import io.millrace.protocol.v1.TriggerCheckpoint;
import io.millrace.spec.plan.PhysicalPlan;
import io.millrace.spec.plan.PlanCodec;
import io.millrace.spec.plan.Subtask;
import io.millrace.worker.connection.FakeControlPlane;
import io.millrace.worker.connection.FakeControlPlaneResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real worker executing deployments sent by a {@link FakeControlPlane}, which plays the control plane's part of
 * the protocol by hand: deploy, trigger checkpoints, complete them, cancel. Everything runs on this ONE worker
 * ({@code datagen -> map (parallelism 2) -> collecting sink}), so the tasks talk through local channels; the
 * network data plane has its own test ({@code DataPlaneIT}).
 */
@QuarkusTest
@TestProfile(JobsTestProfile.class)
@QuarkusTestResource(FakeControlPlaneResource.class)
class JobDeploymentIT {

    private static final String WORKER = "test-worker-1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    FakeControlPlane controlPlane;

    @Inject
    TestSinks sinks;

    private final String jobId = UUID.randomUUID().toString();

    @BeforeEach
    void workerIsRegistered() {
        await().atMost(WAIT).until(controlPlane::hasWorker);
    }

    @Test
    void runsABoundedJobToTheEndThroughCheckpointsAndReportsEveryStep() {
        PhysicalPlan plan = plan(TestSinks.KIND, 2_000, 0);
        List<TaskRef> tasks = tasks(plan, 1);
        assertThat(tasks).hasSize(3);

        controlPlane.send(deployMessage(plan, 1, "heap"));

        awaitStates(tasks, TaskState.TASK_RUNNING);
        assertThat(statesOf(tasks.get(0))).startsWith(TaskState.TASK_DEPLOYING);
        // Heartbeats list the running tasks, and the slots they take are no longer free (3 slots in the test profile).
        await().atMost(WAIT).until(() -> lastHeartbeat().getRunningList().containsAll(tasks));
        assertThat(lastHeartbeat().getFreeSlots()).isZero();

        checkpoint(1, false);
        List<CheckpointAck> first = acks(1);
        assertThat(first).extracting(CheckpointAck::getTask).containsExactlyInAnyOrderElementsOf(tasks);
        for (CheckpointAck ack : first) {
            TaskStateSnapshot snapshot = TaskStateSnapshotCodec.decode(ack.getTaskState().toByteArray());
            assertThat(snapshot.checkpointId()).isEqualTo(1);
            assertThat(snapshot.task().toString()).isEqualTo(ack.getTask().getChainId() + "#"
                    + ack.getTask().getSubtask());
        }

        // The bounded source ends; the "control plane" then takes the final checkpoint, whose completion lets the
        // sink commit and every task finish.
        await().atMost(WAIT).until(() -> controlPlane.sourcesFinished().stream()
                .anyMatch(f -> f.getTask().getJobId().equals(jobId)));
        checkpoint(2, true);
        awaitStates(tasks, TaskState.TASK_FINISHED);

        assertThat(sinks.sink(jobId).committedValues()).hasSize(2_000);
        assertThat(sinks.sink(jobId).committedValues().stream()
                .map(v -> ((Number) ((Map<?, ?>) v).get("id")).longValue()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 2_000).boxed().toList());
        // The attempt is gone from the heartbeats once it ended, and its slots are free again.
        await().atMost(WAIT).until(() -> lastHeartbeat().getRunningList().stream()
                .noneMatch(t -> t.getJobId().equals(jobId)) && lastHeartbeat().getFreeSlots() == 3);
    }

    @Test
    void reportsTaskMetricsWhileRunningAndCancelsOnRequest() {
        PhysicalPlan plan = plan(TestSinks.KIND, -1, 2_000);
        List<TaskRef> tasks = tasks(plan, 1);
        controlPlane.send(deployMessage(plan, 1, "rocksdb"));
        awaitStates(tasks, TaskState.TASK_RUNNING);

        // Metrics every 200 ms in the test profile: records flow into the map tasks.
        await().atMost(WAIT).until(() -> samples().stream()
                .filter(s -> s.getTask().getChainId().equals("same"))
                .mapToLong(TaskMetricsSample::getRecordsIn).sum() > 0);
        // A stale attempt's cancel changes nothing; the current attempt's cancel stops every task.
        controlPlane.send(cancel(7));
        controlPlane.send(cancel(1));
        awaitStates(tasks, TaskState.TASK_CANCELED);
        assertThat(controlPlane.taskStates()).filteredOn(s -> s.getTask().getJobId().equals(jobId))
                .noneMatch(s -> s.getState() == TaskState.TASK_FAILED);
    }

    @Test
    void samplesCarryRecordsOutTheWatermarkTheIntervalSharesAndNodeGauges() {
        PhysicalPlan plan = TestPlans.gaugedNumbersWithEventTime(TestSinks.KIND, 2_000);
        List<TaskRef> tasks = tasks(plan, 1);
        controlPlane.send(deployMessage(plan, 1, "heap"));
        awaitStates(tasks, TaskState.TASK_RUNNING);

        // The source task: records out to its exchange, the watermark it generates, its reader's gauge.
        await().atMost(WAIT).until(() -> samples().stream().anyMatch(s -> s.getTask().getChainId().equals("numbers")
                && s.getRecordsOut() > 0 && s.getCurrentWatermark() > 0
                && s.getCurrentWatermark() != Long.MAX_VALUE));
        TaskMetricsSample source = samples().stream().filter(s -> s.getTask().getChainId().equals("numbers")
                && s.getRecordsOut() > 0 && s.getCurrentWatermark() > 0).reduce((a, b) -> b).orElseThrow();
        assertThat(source.getNodeGaugesList()).anySatisfy(g -> {
            assertThat(g.getNodeId()).isEqualTo("numbers");
            assertThat(g.getName()).isEqualTo(TestSources.GAUGE);
            assertThat(g.getValue()).isEqualTo(TestSources.GAUGE_VALUE);
        });
        // The map + sink tasks: records the chained sink wrote, the input watermark, every node's metrics by node id.
        await().atMost(WAIT).until(() -> samples().stream().anyMatch(s -> s.getTask().getChainId().equals("same")
                && s.getRecordsOut() > 0 && s.getCurrentWatermark() > 0));
        TaskMetricsSample map = samples().stream().filter(s -> s.getTask().getChainId().equals("same")
                && s.getRecordsOut() > 0).reduce((a, b) -> b).orElseThrow();
        assertThat(map.getRecordsOut()).isLessThanOrEqualTo(map.getRecordsIn());
        assertThat(map.getNodeGaugesList()).extracting(g -> g.getNodeId() + "/" + g.getName())
                .contains("out/records-failed");
        // Every sample's interval shares (the first one's: since the task started) add up to the whole interval.
        await().atMost(WAIT).until(() -> samples().size() >= 6);
        assertThat(samples()).allSatisfy(s -> {
                    assertThat(s.getBusyRatio()).isBetween(0.0, 1.0);
                    assertThat(s.getIdleRatio()).isBetween(0.0, 1.0);
                    assertThat(s.getBusyRatio() + s.getIdleRatio() + s.getBackpressureRatio())
                            .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
                });
        controlPlane.send(cancel(1));
        awaitStates(tasks, TaskState.TASK_CANCELED);
    }

    @Test
    void tasksKeepRunningWhileTheControlPlaneIsAwayAndTheNewSessionListsThem() {
        PhysicalPlan plan = plan(TestSinks.KIND, -1, 1_000);
        List<TaskRef> tasks = tasks(plan, 1);
        controlPlane.send(deployMessage(plan, 1, "heap"));
        awaitStates(tasks, TaskState.TASK_RUNNING);
        int registrations = controlPlane.registrations().size();

        controlPlane.restart();

        // A new session: its heartbeats tell the (restarted) control plane which attempts still run here.
        await().atMost(WAIT).until(() -> controlPlane.registrations().size() > registrations
                && controlPlane.hasWorker());
        int beatsAtRegistration = controlPlane.heartbeats().size();
        await().atMost(WAIT).until(() -> controlPlane.heartbeats().size() > beatsAtRegistration
                && lastHeartbeat().getRunningList().containsAll(tasks));
        assertThat(controlPlane.taskStates()).filteredOn(s -> s.getTask().getJobId().equals(jobId))
                .extracting(TaskStateChanged::getState).doesNotContain(TaskState.TASK_CANCELED, TaskState.TASK_FAILED);
        // Still its job: a checkpoint over the new session is answered by every task.
        checkpoint(1, false);

        controlPlane.send(cancel(0)); // attempt 0: every attempt of the job
        awaitStates(tasks, TaskState.TASK_CANCELED);
    }

    @Test
    void aPlanNamingAnUnknownConnectorKindFailsEachTaskWithTheReason() {
        PhysicalPlan plan = plan("no-such-sink", 10, 0);
        List<TaskRef> tasks = tasks(plan, 1);
        controlPlane.send(deployMessage(plan, 1, "none"));

        awaitStates(tasks, TaskState.TASK_FAILED);
        List<TaskStateChanged> failures = controlPlane.taskStates().stream()
                .filter(s -> s.getTask().getJobId().equals(jobId) && s.getState() == TaskState.TASK_FAILED).toList();
        assertThat(failures).hasSize(3).allSatisfy(failure -> {
            assertThat(failure.getFailure()).contains("'out'").contains("no-such-sink").doesNotContain("\n").doesNotContain("\tat ");
            assertThat(failure.getRestoreFailed()).isFalse();
        });
    }

    @Test
    void anUndecodableRestoreStateFailsTheDeploymentAsARestoreFailure() {
        PhysicalPlan plan = plan(TestSinks.KIND, 10, 0);
        List<TaskRef> tasks = tasks(plan, 2);
        DeployTasks deploy = deploy(plan, 2, "heap").toBuilder()
                .setRestore(io.millrace.protocol.v1.RestoreState.newBuilder().setCheckpointId(5)
                        .addTaskStates(com.google.protobuf.ByteString.copyFromUtf8("not a snapshot")))
                .build();
        controlPlane.send(ControlMessage.newBuilder().setDeploy(deploy).build());

        awaitStates(tasks, TaskState.TASK_FAILED);
        assertThat(controlPlane.taskStates()).filteredOn(s -> s.getTask().getJobId().equals(jobId)
                && s.getState() == TaskState.TASK_FAILED).allSatisfy(failure -> {
                    assertThat(failure.getRestoreFailed()).isTrue();
                    assertThat(failure.getFailure()).contains("task_states[0]").contains("checkpoint 5");
                });
    }

    private static PhysicalPlan plan(String sinkKind, long count, long rate) {
        return TestPlans.numbersToSink(sinkKind, count, rate);
    }

    private List<TaskRef> tasks(PhysicalPlan plan, long attempt) {
        return plan.subtasks().stream().map(s -> TaskRef.newBuilder().setJobId(jobId).setAttempt(attempt)
                .setChainId(s.chain()).setSubtask(s.index()).build()).toList();
    }

    private ControlMessage deployMessage(PhysicalPlan plan, long attempt, String stateBackend) {
        return ControlMessage.newBuilder().setDeploy(deploy(plan, attempt, stateBackend)).build();
    }

    private DeployTasks deploy(PhysicalPlan plan, long attempt, String stateBackend) {
        String dataAddress = controlPlane.registrations().get(controlPlane.registrations().size() - 1)
                .getDataAddress();
        DeployTasks.Builder deploy = DeployTasks.newBuilder().setJobId(jobId).setAttempt(attempt)
                .setJobName("deploy-test").setPlanJson(new PlanCodec().toJson(plan))
                .setSettings(JobRuntimeSettings.newBuilder().setStateBackend(stateBackend).setBatchSize(64)
                        .setChannelCapacity(4));
        for (Subtask subtask : plan.subtasks()) {
            deploy.addAssignments(TaskAssignment.newBuilder().setChainId(subtask.chain()).setSubtask(subtask.index())
                    .setWorkerId(WORKER).setDataAddress(dataAddress));
        }
        return deploy.build();
    }

    private ControlMessage cancel(long attempt) {
        return ControlMessage.newBuilder().setCancel(CancelJob.newBuilder().setJobId(jobId).setAttempt(attempt)
                .setReason("test")).build();
    }

    private void checkpoint(long id, boolean finalCheckpoint) {
        controlPlane.send(ControlMessage.newBuilder().setTriggerCheckpoint(TriggerCheckpoint.newBuilder()
                .setJobId(jobId).setAttempt(1).setCheckpointId(id).setFinal(finalCheckpoint)).build());
        acks(id);
        controlPlane.send(ControlMessage.newBuilder().setCheckpointComplete(CheckpointComplete.newBuilder()
                .setJobId(jobId).setAttempt(1).setCheckpointId(id)).build());
    }

    /** Waits for all three tasks' acks of a checkpoint. */
    private List<CheckpointAck> acks(long id) {
        await().atMost(WAIT).until(() -> acksOf(id).size() == 3);
        return acksOf(id);
    }

    private List<CheckpointAck> acksOf(long id) {
        return controlPlane.acks().stream()
                .filter(a -> a.getTask().getJobId().equals(jobId) && a.getCheckpointId() == id).toList();
    }

    private void awaitStates(List<TaskRef> tasks, TaskState state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(tasks).allSatisfy(task ->
                assertThat(statesOf(task)).contains(state)));
    }

    private List<TaskState> statesOf(TaskRef task) {
        return controlPlane.taskStates().stream().filter(s -> s.getTask().equals(task))
                .map(TaskStateChanged::getState).toList();
    }

    private List<TaskMetricsSample> samples() {
        return controlPlane.metrics().stream().flatMap(m -> m.getTasksList().stream())
                .filter(s -> s.getTask().getJobId().equals(jobId)).toList();
    }

    private Heartbeat lastHeartbeat() {
        List<Heartbeat> beats = controlPlane.heartbeats();
        return beats.get(beats.size() - 1);
    }
}
