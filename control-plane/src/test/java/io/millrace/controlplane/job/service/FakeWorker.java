package io.millrace.controlplane.job.service;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.millrace.protocol.ProtocolVersion;
import io.millrace.protocol.v1.CheckpointAck;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.DeployTasks;
import io.millrace.protocol.v1.Heartbeat;
import io.millrace.protocol.v1.RegisterWorker;
import io.millrace.protocol.v1.TaskAssignment;
import io.millrace.protocol.v1.TaskRef;
import io.millrace.protocol.v1.TaskState;
import io.millrace.protocol.v1.TaskStateChanged;
import io.millrace.protocol.v1.TriggerCheckpoint;
import io.millrace.protocol.v1.WorkerGatewayGrpc;
import io.millrace.protocol.v1.WorkerMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A worker reduced to the protocol, over a real gRPC stream to the control plane: it registers, heartbeats, answers
 * DeployTasks with RUNNING for its tasks, CancelJob with CANCELED, and acknowledges checkpoints for its tasks when
 * the {@link FakeCluster} tells it a barrier reached them. Its "task state" bytes name job, attempt, task and
 * checkpoint, so a test can tell which checkpoint a restore carries.
 */
final class FakeWorker implements AutoCloseable {

    private final String id;
    private final int slots;
    private final FakeCluster cluster;
    private final ManagedChannel channel;
    private final List<ControlMessage> received = new CopyOnWriteArrayList<>();
    /** job id → the latest deployment this worker got for it. */
    private final Map<String, DeployTasks> deployments = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong seq = new AtomicLong();
    private StreamObserver<WorkerMessage> requests;
    /** Decides, per deployment, whether the tasks fail their restore instead of running. */
    private volatile Predicate<DeployTasks> failRestore = deploy -> false;
    private volatile boolean holdAcks;
    /** Decides, per deployment, whether its tasks stay DEPLOYING (like a long sink recovery) until released. */
    private volatile Predicate<DeployTasks> holdRunning = deploy -> false;
    private final List<Runnable> heldRunning = new CopyOnWriteArrayList<>();
    private final List<Runnable> heldAcks = new CopyOnWriteArrayList<>();
    /** Final checkpoints this worker acknowledged: once complete, its tasks finish (bounded input). */
    private final java.util.Set<Long> finalCheckpoints = ConcurrentHashMap.newKeySet();
    private volatile Consumer<ControlMessage> onControl = message -> { };
    private volatile DiscardAnswer discardAnswer = DiscardAnswer.DELETED;

    /** How this worker answers DiscardCheckpoints (it deletes nothing: it has no store; the engine's cleaner does). */
    enum DiscardAnswer { DELETED, ERROR, SILENT }

    FakeWorker(String id, int slots, int port, FakeCluster cluster) {
        this.id = id;
        this.slots = slots;
        this.cluster = cluster;
        this.channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    String id() {
        return id;
    }

    FakeWorker start() {
        requests = WorkerGatewayGrpc.newStub(channel).connect(new StreamObserver<>() {
            @Override
            public void onNext(ControlMessage message) {
                received.add(message);
                onControl.accept(message);
                react(message);
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        });
        send(WorkerMessage.newBuilder().setRegister(RegisterWorker.newBuilder().setWorkerId(id)
                .setProtocolVersion(ProtocolVersion.CURRENT.toString()).setBuildVersion("fake").setSlots(slots)
                .setMemoryBytes(1L << 30).setHost("fake-host").setDataAddress(id + ":7070")).build());
        heartbeats.scheduleAtFixedRate(() -> send(WorkerMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder()
                .setSeq(seq.incrementAndGet()).setSentAtMillis(System.currentTimeMillis()).setFreeSlots(slots))
                .build()), 0, 200, TimeUnit.MILLISECONDS);
        cluster.add(this);
        return this;
    }

    /** Goes silent like a frozen or killed process whose connection stays half-open: the deadline marks it LOST. */
    void freeze() {
        heartbeats.shutdownNow();
        cluster.remove(this);
    }

    /** Dies like a process under kill -9: the connection drops without a goodbye. */
    void kill() {
        heartbeats.shutdownNow();
        cluster.remove(this);
        channel.shutdownNow();
    }

    void failRestoreWhen(Predicate<DeployTasks> when) {
        failRestore = when;
    }

    void holdRunningWhen(Predicate<DeployTasks> when) {
        holdRunning = when;
    }

    /** The held deployments' tasks report RUNNING now (their "recovery" finished). */
    void releaseRunning() {
        holdRunning = deploy -> false;
        heldRunning.forEach(Runnable::run);
        heldRunning.clear();
    }

    void holdAcks(boolean hold) {
        holdAcks = hold;
        if (!hold) {
            heldAcks.forEach(Runnable::run);
            heldAcks.clear();
        }
    }

    void answerDiscards(DiscardAnswer answer) {
        discardAnswer = answer;
    }

    void onControl(Consumer<ControlMessage> listener) {
        onControl = listener;
    }

    List<ControlMessage> received() {
        return received;
    }

    List<DeployTasks> deploysOf(String jobId) {
        List<DeployTasks> result = new ArrayList<>();
        for (ControlMessage m : received) {
            if (m.hasDeploy() && m.getDeploy().getJobId().equals(jobId)) {
                result.add(m.getDeploy());
            }
        }
        return result;
    }

    static byte[] stateBytes(String jobId, long attempt, String chain, int subtask, long checkpointId) {
        return (jobId + "/" + attempt + "/" + chain + "#" + subtask + "@" + checkpointId)
                .getBytes(StandardCharsets.UTF_8);
    }

    private List<TaskAssignment> local(DeployTasks deploy) {
        return deploy.getAssignmentsList().stream().filter(a -> a.getWorkerId().equals(id)).toList();
    }

    private void react(ControlMessage message) {
        switch (message.getKindCase()) {
            case DEPLOY -> deployed(message.getDeploy());
            case CANCEL -> {
                DeployTasks deploy = deployments.get(message.getCancel().getJobId());
                if (deploy != null && deploy.getAttempt() == message.getCancel().getAttempt()) {
                    local(deploy).forEach(a -> taskState(deploy, a, TaskState.TASK_CANCELED, false));
                }
            }
            case TRIGGER_CHECKPOINT -> cluster.barrier(message.getTriggerCheckpoint());
            case DISCARD_CHECKPOINTS -> {
                var discard = message.getDiscardCheckpoints();
                var answer = io.millrace.protocol.v1.CheckpointsDiscarded.newBuilder().setJobId(discard.getJobId())
                        .addAllCheckpointIds(discard.getCheckpointIdsList());
                switch (discardAnswer) {
                    case DELETED -> send(WorkerMessage.newBuilder().setCheckpointsDiscarded(answer
                            .setFilesDeleted(discard.getDiscardedTaskStatesCount())
                            .setBytesDeleted(discard.getDiscardedTaskStatesCount() * 10L)).build());
                    case ERROR -> send(WorkerMessage.newBuilder().setCheckpointsDiscarded(answer
                            .setError("java.io.IOException: store unreachable")).build());
                    case SILENT -> {
                    }
                }
            }
            case CHECKPOINT_COMPLETE -> {
                var complete = message.getCheckpointComplete();
                DeployTasks deploy = deployments.get(complete.getJobId());
                if (deploy != null && finalCheckpoints.contains(complete.getCheckpointId())) {
                    local(deploy).forEach(a -> taskState(deploy, a, TaskState.TASK_FINISHED, false));
                }
            }
            default -> {
            }
        }
    }

    private void deployed(DeployTasks deploy) {
        deployments.put(deploy.getJobId(), deploy);
        boolean fail = deploy.hasRestore() && failRestore.test(deploy);
        for (TaskAssignment task : local(deploy)) {
            taskState(deploy, task, TaskState.TASK_DEPLOYING, false);
        }
        Runnable run = () -> local(deploy).forEach(task ->
                taskState(deploy, task, fail ? TaskState.TASK_FAILED : TaskState.TASK_RUNNING, fail));
        if (holdRunning.test(deploy)) {
            heldRunning.add(run);
        } else {
            run.run();
        }
    }

    /** The barrier of {@code trigger} reached this worker's tasks of that attempt: acknowledge each. */
    void barrier(TriggerCheckpoint trigger) {
        DeployTasks deploy = deployments.get(trigger.getJobId());
        if (deploy == null || deploy.getAttempt() != trigger.getAttempt()) {
            return;
        }
        if (trigger.getFinal()) {
            finalCheckpoints.add(trigger.getCheckpointId());
        }
        Runnable ack = () -> {
            for (TaskAssignment task : local(deploy)) {
                byte[] state = stateBytes(deploy.getJobId(), deploy.getAttempt(), task.getChainId(),
                        task.getSubtask(), trigger.getCheckpointId());
                send(WorkerMessage.newBuilder().setCheckpointAck(CheckpointAck.newBuilder()
                        .setTask(ref(deploy, task)).setCheckpointId(trigger.getCheckpointId())
                        .setTaskState(ByteString.copyFrom(state)).setStateSizeBytes(state.length)).build());
            }
        };
        if (holdAcks) {
            heldAcks.add(ack);
        } else {
            ack.run();
        }
    }

    /** Every local source task of the job's current deployment read all its input. */
    void finishSources(String jobId, String sourceChain) {
        DeployTasks deploy = deployments.get(jobId);
        local(deploy).stream().filter(a -> a.getChainId().equals(sourceChain)).forEach(a -> send(
                WorkerMessage.newBuilder().setSourceFinished(io.millrace.protocol.v1.SourceFinished.newBuilder()
                        .setTask(ref(deploy, a))).build()));
    }

    /** Reports a task of the current deployment of {@code jobId} failed (e.g. a user function threw). */
    void failTask(String jobId, String failure) {
        DeployTasks deploy = deployments.get(jobId);
        TaskAssignment task = local(deploy).get(0);
        send(WorkerMessage.newBuilder().setTaskState(TaskStateChanged.newBuilder().setTask(ref(deploy, task))
                .setState(TaskState.TASK_FAILED).setFailure(failure)).build());
    }

    private void taskState(DeployTasks deploy, TaskAssignment task, TaskState state, boolean restoreFailed) {
        send(WorkerMessage.newBuilder().setTaskState(TaskStateChanged.newBuilder().setTask(ref(deploy, task))
                .setState(state).setRestoreFailed(restoreFailed)
                .setFailure(restoreFailed ? "IllegalStateException: checkpoint file missing" : "")).build());
    }

    private static TaskRef ref(DeployTasks deploy, TaskAssignment task) {
        return TaskRef.newBuilder().setJobId(deploy.getJobId()).setAttempt(deploy.getAttempt())
                .setChainId(task.getChainId()).setSubtask(task.getSubtask()).build();
    }

    private synchronized void send(WorkerMessage message) {
        try {
            requests.onNext(message);
        } catch (RuntimeException closed) {
            // The stream is gone (closed by the control plane): like a dead worker, say nothing more.
        }
    }

    @Override
    public void close() throws InterruptedException {
        heartbeats.shutdownNow();
        cluster.remove(this);
        channel.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
    }
}
