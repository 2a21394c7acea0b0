package io.millrace.worker.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.engine.connector.datagen.DatagenConnector;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.runtime.Connectors;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.runtime.JobSlice;
import io.millrace.engine.runtime.SliceListener;
import io.millrace.engine.runtime.SliceSpec;
import io.millrace.engine.runtime.checkpoint.CheckpointFailureReason;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.protocol.v1.ChannelMetricsSample;
import io.millrace.protocol.v1.CheckpointComplete;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.DeployTasks;
import io.millrace.protocol.v1.JobRuntimeSettings;
import io.millrace.protocol.v1.TaskAssignment;
import io.millrace.protocol.v1.TaskRef;
import io.millrace.protocol.v1.TaskState;
import io.millrace.protocol.v1.TriggerCheckpoint;
import io.millrace.spec.plan.PhysicalPlan;
import io.millrace.spec.plan.PlanCodec;
import io.millrace.spec.plan.Subtask;
import io.millrace.worker.connection.FakeControlPlane;
import io.millrace.worker.connection.FakeControlPlaneResource;
import io.millrace.worker.execution.JobsTestProfile;
import io.millrace.worker.execution.TestPlans;
import io.millrace.worker.execution.TestSinks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One job over two workers in one JVM: the source runs in a second "worker" the test builds (a {@link JobSlice} with
 * its own {@link DataPlane} behind a plain grpc-java server), the map and sink tasks run in the real worker app,
 * deployed by the {@link FakeControlPlane}. Every record crosses the gRPC data plane with credits; checkpoints are
 * driven on both sides like the control plane would, through to the final one and FINISHED.
 */
@QuarkusTest
@TestProfile(JobsTestProfile.class)
@QuarkusTestResource(FakeControlPlaneResource.class)
class TwoWorkerJobIT {

    private static final String APP_WORKER = "test-worker-1";
    private static final String OTHER_WORKER = "worker-b";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long RECORDS = 20_000;

    FakeControlPlane controlPlane;

    @Inject
    TestSinks sinks;

    private final String jobId = UUID.randomUUID().toString();
    private final RecordingListener otherListener = new RecordingListener();
    private DataPlane otherPlane;
    private JobSlice otherSlice;
    private Path otherWorkDir;

    @AfterEach
    void stopTheOtherWorker() throws Exception {
        if (otherSlice != null) {
            otherSlice.close();
        }
        if (otherPlane != null) {
            otherPlane.close();
        }
    }

    @Test
    void recordsCrossTheDataPlaneAndTheJobFinishesThroughCheckpointsOnBothWorkers() throws Exception {
        await().atMost(WAIT).until(controlPlane::hasWorker);
        String appAddress = controlPlane.registrations().get(controlPlane.registrations().size() - 1)
                .getDataAddress();
        assertThat(appAddress).matches("127\\.0\\.0\\.1:\\d+");
        otherPlane = new DataPlane(Duration.ofSeconds(10), 64 << 20, "127.0.0.1", 0);
        otherPlane.listen();
        String otherAddress = "127.0.0.1:" + otherPlane.boundPort().orElseThrow();

        PhysicalPlan plan = TestPlans.numbersToSink(TestSinks.KIND, RECORDS, 0);
        Map<TaskId, String> placement = new HashMap<>();
        for (Subtask subtask : plan.subtasks()) {
            placement.put(new TaskId(subtask.chain(), subtask.index()),
                    subtask.chain().equals("numbers") ? OTHER_WORKER : APP_WORKER);
        }
        Map<String, String> addresses = Map.of(APP_WORKER, appAddress, OTHER_WORKER, otherAddress);
        List<TaskRef> appTasks = placement.entrySet().stream().filter(e -> e.getValue().equals(APP_WORKER))
                .map(e -> ref(e.getKey())).toList();
        assertThat(appTasks).hasSize(2);

        controlPlane.send(ControlMessage.newBuilder().setDeploy(deploy(plan, placement, addresses)).build());
        otherWorkDir = Files.createTempDirectory("worker-b");
        otherSlice = JobSlice.create(new SliceSpec(jobId, 1, plan, placement, addresses, OTHER_WORKER,
                sinks.register(DatagenConnector.register(Connectors.none()), jobId, 1), OperatorFactory.standard(),
                JobConfig.defaults(otherWorkDir).withExchange(64, 4), null, false, otherPlane, otherListener))
                .start();

        awaitAppStates(appTasks, TaskState.TASK_RUNNING);
        await().atMost(WAIT).until(() -> otherListener.running.contains(new TaskId("numbers", 0)));

        checkpoint(1, false);
        // While it runs, the consumer ends of the remote channels are on /q/metrics and in the metrics reports.
        await().atMost(WAIT).untilAsserted(() -> assertThat(given().get("/q/metrics").then().statusCode(200)
                .extract().asString()).contains("millrace_channel_credits{").contains(jobId));
        await().atMost(WAIT).until(() -> channelSamples().stream()
                .anyMatch(s -> !s.getOutbound() && s.getChannel().equals("numbers#0->same#1")));

        await().atMost(WAIT).until(() -> otherListener.sourcesFinished.contains(new TaskId("numbers", 0)));
        checkpoint(2, true);

        awaitAppStates(appTasks, TaskState.TASK_FINISHED);
        await().atMost(WAIT).until(() -> otherListener.finished.contains(new TaskId("numbers", 0)));
        Set<Long> ids = sinks.sink(jobId).committedValues().stream()
                .map(v -> ((Number) ((Map<?, ?>) v).get("id")).longValue()).collect(Collectors.toSet());
        assertThat(sinks.sink(jobId).committedValues()).hasSize((int) RECORDS);
        assertThat(ids).containsExactlyInAnyOrderElementsOf(LongStream.range(0, RECORDS).boxed().toList());
        assertThat(otherListener.failures).isEmpty();
        // Every stream of the attempt was completed and released on both sides.
        await().atMost(WAIT).until(() -> otherPlane.openStreams() == 0);
    }

    /** Triggers on both workers (the source side injects the barrier), waits for all acks, completes on both. */
    private void checkpoint(long id, boolean finalCheckpoint) {
        controlPlane.send(ControlMessage.newBuilder().setTriggerCheckpoint(TriggerCheckpoint.newBuilder()
                .setJobId(jobId).setAttempt(1).setCheckpointId(id).setFinal(finalCheckpoint)).build());
        otherSlice.triggerCheckpoint(id, false, finalCheckpoint);
        await().atMost(WAIT).until(() -> controlPlane.acks().stream()
                .filter(a -> a.getTask().getJobId().equals(jobId) && a.getCheckpointId() == id).count() == 2
                && otherListener.acked.getOrDefault(id, Set.of()).contains(new TaskId("numbers", 0)));
        controlPlane.send(ControlMessage.newBuilder().setCheckpointComplete(CheckpointComplete.newBuilder()
                .setJobId(jobId).setAttempt(1).setCheckpointId(id)).build());
        otherSlice.notifyCheckpointComplete(id);
    }

    private DeployTasks deploy(PhysicalPlan plan, Map<TaskId, String> placement, Map<String, String> addresses) {
        DeployTasks.Builder deploy = DeployTasks.newBuilder().setJobId(jobId).setAttempt(1).setJobName("two-workers")
                .setPlanJson(new PlanCodec().toJson(plan))
                .setSettings(JobRuntimeSettings.newBuilder().setStateBackend("none").setBatchSize(64)
                        .setChannelCapacity(4));
        placement.forEach((task, worker) -> deploy.addAssignments(TaskAssignment.newBuilder()
                .setChainId(task.chain()).setSubtask(task.subtask()).setWorkerId(worker)
                .setDataAddress(addresses.get(worker))));
        return deploy.build();
    }

    private TaskRef ref(TaskId task) {
        return TaskRef.newBuilder().setJobId(jobId).setAttempt(1).setChainId(task.chain()).setSubtask(task.subtask())
                .build();
    }

    private void awaitAppStates(List<TaskRef> tasks, TaskState state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(tasks).allSatisfy(task ->
                assertThat(controlPlane.taskStates()).anyMatch(s -> s.getTask().equals(task)
                        && s.getState() == state)));
    }

    private List<ChannelMetricsSample> channelSamples() {
        return controlPlane.metrics().stream().flatMap(m -> m.getChannelsList().stream())
                .filter(s -> s.getJobId().equals(jobId)).toList();
    }

    /** What the second worker's slice reports (the real worker forwards the same to the control plane). */
    private static final class RecordingListener implements SliceListener {
        final Set<TaskId> running = ConcurrentHashMap.newKeySet();
        final Set<TaskId> finished = ConcurrentHashMap.newKeySet();
        final Set<TaskId> sourcesFinished = ConcurrentHashMap.newKeySet();
        final Map<Long, Set<TaskId>> acked = new ConcurrentHashMap<>();
        final List<String> failures = new CopyOnWriteArrayList<>();

        @Override
        public void taskRunning(TaskId task) {
            running.add(task);
        }

        @Override
        public void taskFinished(TaskId task) {
            finished.add(task);
        }

        @Override
        public void taskCancelled(TaskId task) {
            failures.add(task + " cancelled");
        }

        @Override
        public void taskFailed(TaskId task, Throwable cause, boolean restoreFailed) {
            failures.add(task + " failed: " + cause);
        }

        @Override
        public void sourceFinished(TaskId task) {
            sourcesFinished.add(task);
        }

        @Override
        public void acknowledged(TaskId task, long checkpointId, byte[] taskState, long stateSizeBytes) {
            acked.computeIfAbsent(checkpointId, id -> ConcurrentHashMap.newKeySet()).add(task);
        }

        @Override
        public void declined(TaskId task, long checkpointId, CheckpointFailureReason reason, String message) {
            failures.add(task + " declined " + checkpointId + ": " + reason + " " + message);
        }
    }
}
