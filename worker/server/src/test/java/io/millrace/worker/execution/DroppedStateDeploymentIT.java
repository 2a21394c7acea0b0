package io.millrace.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.protocol.v1.CancelJob;
import io.millrace.protocol.v1.CheckpointAck;
import io.millrace.protocol.v1.CheckpointComplete;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.DeployTasks;
import io.millrace.protocol.v1.DroppedState;
import io.millrace.protocol.v1.JobRuntimeSettings;
import io.millrace.protocol.v1.RestoreState;
import io.millrace.protocol.v1.TaskAssignment;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code RestoreState.dropped_states} reaches the engine: a job is checkpointed mid-stream, cancelled, and
 * redeployed from that checkpoint with the source's operator state ({@code numbers/splits}) dropped, so the
 * datagen source starts over from id 0 instead of resuming where the checkpoint left it.
 */
@QuarkusTest
@TestProfile(JobsTestProfile.class)
@QuarkusTestResource(FakeControlPlaneResource.class)
class DroppedStateDeploymentIT {

    private static final String WORKER = "test-worker-1";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long COUNT = 1_000;

    FakeControlPlane controlPlane;

    @Inject
    TestSinks sinks;

    private final String jobId = UUID.randomUUID().toString();

    @BeforeEach
    void workerIsRegistered() {
        await().atMost(WAIT).until(controlPlane::hasWorker);
    }

    @Test
    void aRestoreDroppingTheSourcesSplitsStartsTheSourceOver() {
        PhysicalPlan plan = TestPlans.numbersToSink(TestSinks.KIND, COUNT, 500);
        controlPlane.send(deploy(deployTasks(plan, 1)));
        awaitStates(tasks(plan, 1), TaskState.TASK_RUNNING);
        await().atMost(WAIT).until(() -> sinks.sink(jobId).written() >= 50);

        List<CheckpointAck> acks = checkpoint(1, 1, false);
        long committedFirst = sinks.sink(jobId).committedValues().size();
        assertThat(committedFirst).as("the first attempt stopped mid-stream").isBetween(1L, COUNT - 1);
        controlPlane.send(ControlMessage.newBuilder().setCancel(CancelJob.newBuilder().setJobId(jobId).setAttempt(1)
                .setReason("upgrade")).build());
        awaitStates(tasks(plan, 1), TaskState.TASK_CANCELED);

        RestoreState.Builder restore = RestoreState.newBuilder().setCheckpointId(1).setSavepoint(false)
                .addDroppedStates(DroppedState.newBuilder().setNodeId("numbers").setStateName("splits"));
        acks.forEach(a -> restore.addTaskStates(a.getTaskState()));
        controlPlane.send(deploy(deployTasks(plan, 2).toBuilder().setRestore(restore).setRecoverSinks(true).build()));
        awaitStates(tasks(plan, 2), TaskState.TASK_RUNNING);
        await().atMost(WAIT).until(() -> controlPlane.sourcesFinished().stream()
                .anyMatch(f -> f.getTask().getJobId().equals(jobId) && f.getTask().getAttempt() == 2));
        checkpoint(2, 2, true);
        awaitStates(tasks(plan, 2), TaskState.TASK_FINISHED);

        List<Long> ids = sinks.sink(jobId).committedValues().stream()
                .map(v -> ((Number) ((Map<?, ?>) v).get("id")).longValue()).toList();
        // Without the drop the source would resume at its checkpointed position: every id exactly once.
        assertThat(ids).hasSize((int) (committedFirst + COUNT));
        assertThat(ids.stream().filter(id -> id == 0L).count()).as("id 0, once per attempt").isEqualTo(2);
    }

    private ControlMessage deploy(DeployTasks deploy) {
        return ControlMessage.newBuilder().setDeploy(deploy).build();
    }

    private DeployTasks deployTasks(PhysicalPlan plan, long attempt) {
        String dataAddress = controlPlane.registrations().get(controlPlane.registrations().size() - 1)
                .getDataAddress();
        DeployTasks.Builder deploy = DeployTasks.newBuilder().setJobId(jobId).setAttempt(attempt)
                .setJobName("drop-state-test").setPlanJson(new PlanCodec().toJson(plan))
                .setSettings(JobRuntimeSettings.newBuilder().setStateBackend("heap").setBatchSize(16)
                        .setChannelCapacity(4));
        for (Subtask subtask : plan.subtasks()) {
            deploy.addAssignments(TaskAssignment.newBuilder().setChainId(subtask.chain()).setSubtask(subtask.index())
                    .setWorkerId(WORKER).setDataAddress(dataAddress));
        }
        return deploy.build();
    }

    private List<TaskRef> tasks(PhysicalPlan plan, long attempt) {
        return plan.subtasks().stream().map(s -> TaskRef.newBuilder().setJobId(jobId).setAttempt(attempt)
                .setChainId(s.chain()).setSubtask(s.index()).build()).toList();
    }

    /** Triggers, waits for the three tasks' acks, completes; returns the acks. */
    private List<CheckpointAck> checkpoint(long attempt, long id, boolean finalCheckpoint) {
        controlPlane.send(ControlMessage.newBuilder().setTriggerCheckpoint(TriggerCheckpoint.newBuilder()
                .setJobId(jobId).setAttempt(attempt).setCheckpointId(id).setFinal(finalCheckpoint)).build());
        await().atMost(WAIT).until(() -> acksOf(attempt, id).size() == 3);
        controlPlane.send(ControlMessage.newBuilder().setCheckpointComplete(CheckpointComplete.newBuilder()
                .setJobId(jobId).setAttempt(attempt).setCheckpointId(id)).build());
        await().atMost(WAIT).until(() -> sinks.sink(jobId).preparedTransactions() == 0);
        return acksOf(attempt, id);
    }

    private List<CheckpointAck> acksOf(long attempt, long id) {
        return controlPlane.acks().stream().filter(a -> a.getTask().getJobId().equals(jobId)
                && a.getTask().getAttempt() == attempt && a.getCheckpointId() == id).toList();
    }

    private void awaitStates(List<TaskRef> tasks, TaskState state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(tasks).allSatisfy(task ->
                assertThat(controlPlane.taskStates().stream().filter(s -> s.getTask().equals(task))
                        .map(TaskStateChanged::getState).toList()).contains(state)));
    }
}
