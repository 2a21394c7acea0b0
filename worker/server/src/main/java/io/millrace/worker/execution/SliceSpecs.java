package io.millrace.worker.execution;

import io.millrace.engine.checkpoint.store.CheckpointStore;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.runtime.SliceListener;
import io.millrace.engine.runtime.SliceSpec;
import io.millrace.engine.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.engine.state.DroppedState;
import io.millrace.engine.state.StateDrops;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.checkpoint.TaskStateSnapshot;
import io.millrace.engine.runtime.checkpoint.TaskStateSnapshotCodec;
import io.millrace.engine.state.StateBackend;
import io.millrace.protocol.v1.DeployTasks;
import io.millrace.protocol.v1.JobRuntimeSettings;
import io.millrace.protocol.v1.RestoreState;
import io.millrace.protocol.v1.TaskAssignment;
import io.millrace.spec.plan.PhysicalPlan;
import io.millrace.spec.plan.PlanCodec;
import io.millrace.spec.plan.PlanFormatException;
import io.millrace.worker.config.WorkerConfig;
import io.millrace.worker.data.DataPlane;
import io.millrace.worker.identity.WorkerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@code DeployTasks} into what the engine runs: the decoded plan, placement and peer addresses, the restore
 * checkpoint, and a {@link JobConfig} from the job's runtime settings plus this worker's configuration. Anything
 * unusable is a {@link DeploymentException} with a message naming the field and how to fix it.
 */
@ApplicationScoped
public class SliceSpecs {

    /** The engine's defaults when the runtime settings leave batch size / channel capacity at 0. */
    private static final int DEFAULT_BATCH_SIZE = 256;
    private static final int DEFAULT_CHANNEL_CAPACITY = 8;

    private final WorkerIdentity identity;
    private final WorkerConfig config;
    private final WorkerConnectors connectors;
    private final StateBackends stateBackends;
    private final DataPlane dataPlane;
    private final CheckpointStoreOpener stores;
    private final PlanCodec planCodec = new PlanCodec();
    private final OperatorFactory operators = OperatorFactory.standard();

    public SliceSpecs(WorkerIdentity identity, WorkerConfig config, WorkerConnectors connectors,
            StateBackends stateBackends, DataPlane dataPlane, CheckpointStoreOpener stores) {
        this.identity = identity;
        this.config = config;
        this.connectors = connectors;
        this.stateBackends = stateBackends;
        this.dataPlane = dataPlane;
        this.stores = stores;
    }

    /** A slice spec and the resources it holds (released when the attempt ends here). */
    record Deployment(SliceSpec spec, AttemptResources resources) {}

    /** The tasks of the deployment that run on this worker. */
    List<TaskId> localTasks(DeployTasks deploy) {
        return deploy.getAssignmentsList().stream()
                .filter(a -> a.getWorkerId().equals(identity.id()))
                .map(a -> new TaskId(a.getChainId(), a.getSubtask()))
                .toList();
    }

    Deployment build(DeployTasks deploy, SliceListener listener) {
        PhysicalPlan plan = plan(deploy);
        Map<TaskId, String> placement = new HashMap<>();
        Map<String, String> addresses = new HashMap<>();
        for (TaskAssignment assignment : deploy.getAssignmentsList()) {
            placement.put(new TaskId(assignment.getChainId(), assignment.getSubtask()), assignment.getWorkerId());
            if (!assignment.getDataAddress().isEmpty()) {
                addresses.put(assignment.getWorkerId(), assignment.getDataAddress());
            }
        }
        CompletedCheckpoint restore = deploy.hasRestore() ? restore(deploy.getRestore()) : null;
        JobRuntimeSettings settings = deploy.getSettings();
        StateBackend backend = stateBackends.named(settings.getStateBackend());
        Path workingDirectory = workingDirectory(deploy);
        CheckpointStore store = checkpointStore(settings);
        AttemptResources resources = new AttemptResources(workingDirectory, store);
        try {
            Files.createDirectories(workingDirectory);
            JobConfig jobConfig = JobConfig.defaults(workingDirectory)
                    .withExchange(positiveOr(settings.getBatchSize(), DEFAULT_BATCH_SIZE),
                            positiveOr(settings.getChannelCapacity(), DEFAULT_CHANNEL_CAPACITY))
                    .withState(backend, store);
            SliceSpec spec = new SliceSpec(deploy.getJobId(), deploy.getAttempt(), plan, placement, addresses,
                    identity.id(), connectors.forAttempt(AttemptContext.of(deploy)), operators,
                    jobConfig, restore, deploy.getRecoverSinks(), dataPlane, listener);
            return new Deployment(spec, resources);
        } catch (IOException | RuntimeException e) {
            resources.close();
            if (e instanceof DeploymentException deploymentException) {
                throw deploymentException;
            }
            throw new DeploymentException("cannot prepare the attempt on worker " + identity.id() + ": " + e, false, e);
        }
    }

    private PhysicalPlan plan(DeployTasks deploy) {
        try {
            return planCodec.fromJson(deploy.getPlanJson());
        } catch (PlanFormatException | RuntimeException e) {
            throw new DeploymentException("DeployTasks.plan_json: " + e.getMessage(), false, e);
        }
    }

    private static CompletedCheckpoint restore(RestoreState restore) {
        List<TaskStateSnapshot> tasks = new ArrayList<>();
        for (int i = 0; i < restore.getTaskStatesCount(); i++) {
            try {
                tasks.add(TaskStateSnapshotCodec.decode(restore.getTaskStates(i).toByteArray()));
            } catch (RuntimeException e) {
                throw new DeploymentException("RestoreState.task_states[" + i + "] of checkpoint "
                        + restore.getCheckpointId() + " cannot be decoded: " + e.getMessage(), true, e);
            }
        }
        return new CompletedCheckpoint(restore.getCheckpointId(), restore.getSavepoint(), tasks)
                .withDroppedState(droppedStates(restore));
    }

    /** The states the user confirmed dropping (safe upgrade): the tasks start them empty. */
    static StateDrops droppedStates(RestoreState restore) {
        List<DroppedState> dropped = new ArrayList<>();
        for (int i = 0; i < restore.getDroppedStatesCount(); i++) {
            io.millrace.protocol.v1.DroppedState d = restore.getDroppedStates(i);
            if (d.getNodeId().isBlank()) {
                throw new DeploymentException("RestoreState.dropped_states[" + i + "] of checkpoint "
                        + restore.getCheckpointId() + " has no node_id (state_name '" + d.getStateName()
                        + "'); name the node whose state is dropped", false);
            }
            dropped.add(new DroppedState(d.getNodeId(), d.getStateName()));
        }
        return StateDrops.of(dropped);
    }

    private Path workingDirectory(DeployTasks deploy) {
        return Path.of(config.dataDir(), "work", safe(identity.id()), safe(deploy.getJobId()),
                Long.toString(deploy.getAttempt()));
    }

    private CheckpointStore checkpointStore(JobRuntimeSettings settings) {
        try {
            return stores.open(settings.getCheckpointStoreUri());
        } catch (IllegalArgumentException e) {
            throw new DeploymentException(e.getMessage(), false, e);
        }
    }

    private static int positiveOr(int value, int fallback) {
        return value > 0 ? value : fallback;
    }

    /** Ids go into paths: keep them to one harmless path segment. */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
