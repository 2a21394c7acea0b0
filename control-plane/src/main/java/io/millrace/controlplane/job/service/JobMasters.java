package io.millrace.controlplane.job.service;

import io.millrace.controlplane.connection.service.KafkaConnectionService;
import io.millrace.controlplane.job.JobState;
import io.millrace.controlplane.job.config.JobsConfig;
import io.millrace.controlplane.job.config.SchedulerConfig;
import io.millrace.controlplane.job.persistence.CheckpointStore;
import io.millrace.controlplane.job.restart.RestartPolicyCodec;
import io.millrace.controlplane.job.schedule.Scheduler;
import io.millrace.controlplane.job.schedule.SchedulingRequest;
import io.millrace.controlplane.job.schedule.SchedulingResult;
import io.millrace.controlplane.job.schedule.TaskKey;
import io.millrace.controlplane.job.schedule.WorkerSlots;
import io.millrace.controlplane.worker.WorkerState;
import io.millrace.controlplane.worker.grpc.WorkerSessions;
import io.millrace.controlplane.worker.service.WorkerAvailability;
import io.millrace.controlplane.worker.service.WorkerJobMessage;
import io.millrace.controlplane.worker.service.WorkerLost;
import io.millrace.controlplane.worker.service.WorkerRegistry;
import io.millrace.controlplane.worker.service.WorkerView;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.TaskRef;
import io.millrace.protocol.v1.WorkerMessage;
import io.millrace.spec.plan.PlanCodec;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The job masters of this control-plane instance (one per non-terminal job) and the cluster view they share: slot
 * reservations (placing is serialized here so two jobs never take the same free slot), worker streams, and the routing
 * of worker events to the job they concern.
 *
 * <p>Free slots are the control plane's own bookkeeping (registered slots minus slots reserved by its jobs), not the
 * heartbeat's {@code free_slots}: the control plane is the only one placing tasks, and the heartbeat lags behind both
 * deployments and cancellations.
 */
@ApplicationScoped
public class JobMasters implements Cluster {

    /** Workers a broken data stream pointed at, and since when (see {@link #suspect}). */
    private final Map<String, Instant> suspects = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Logger LOG = Logger.getLogger(JobMasters.class);
    private static final Set<JobState> RESUMABLE = EnumSet.of(JobState.CREATED, JobState.SCHEDULED, JobState.RUNNING,
            JobState.FAILING, JobState.RESTARTING, JobState.CANCELLING);

    private record Reservation(String tenantId, Map<TaskKey, String> placement) {
    }

    private final Map<UUID, JobMaster> masters = new ConcurrentHashMap<>();
    private final Map<UUID, Reservation> reservations = new HashMap<>();
    private final Scheduler scheduler = new Scheduler();
    private final JobStore store;
    private final WorkerRegistry workers;
    private final WorkerSessions sessions;
    private final SchedulerConfig schedulerConfig;
    private final JobsConfig config;
    private final JobMaster.Environment environment;

    public JobMasters(JobStore store, CheckpointStore checkpoints, WorkerRegistry workers, WorkerSessions sessions,
            SchedulerConfig schedulerConfig, JobsConfig config, KafkaConnectionService kafkaConnections) {
        this.store = store;
        this.workers = workers;
        this.sessions = sessions;
        this.schedulerConfig = schedulerConfig;
        this.config = config;
        this.environment = new JobMaster.Environment(store, checkpoints, config, this, new PlanCodec(),
                new RestartPolicyCodec(), (tenant, names) -> names.isEmpty() ? Map.of()
                        : kafkaConnections.forDeployment(tenant, names));
    }

    /** Starts the master of a newly created job and tries to deploy it at once. */
    void start(JobRecord job) {
        JobMaster master = new JobMaster(job, environment, Instant.now(), Set.of());
        masters.put(job.id(), master);
        master.poke();
    }

    Optional<JobMaster> master(String tenantId, UUID jobId) {
        JobMaster master = masters.get(jobId);
        return master != null && master.tenantId().equals(tenantId) ? Optional.of(master) : Optional.empty();
    }

    /**
     * After a (re)start, jobs that were live get a master again. Their last attempt may still run on workers that
     * survived: it is cancelled (when a worker registers, and before the next deployment) and a new attempt is
     * deployed from the latest checkpoint once the grace period has passed — live tasks are not re-adopted.
     */
    void resumeJobs(@Observes StartupEvent started) {
        Instant graceEnd = Instant.now().plus(config.resumeGracePeriod());
        for (JobRecord job : store.inStates(RESUMABLE)) {
            if (masters.containsKey(job.id())) {
                continue; // already run by this process
            }
            JobRecord resumed = job;
            switch (job.state()) {
                case SCHEDULED, RUNNING -> resumed = store.transition(job.id(), JobState.RESTARTING,
                        "control plane restarted; redeploying from the latest checkpoint");
                case FAILING -> resumed = store.transition(job.id(), JobState.RESTARTING,
                        "control plane restarted while the job was failing (" + job.stateReason() + ")");
                case CANCELLING -> resumed = store.transition(job.id(), JobState.CANCELED,
                        job.stateReason() + " (completed after a control-plane restart)");
                default -> {
                }
            }
            if (resumed.state().isTerminal()) {
                continue;
            }
            Set<Long> stale = job.attempt() > 0 ? Set.of(job.attempt()) : Set.of();
            JobMaster master = new JobMaster(resumed, environment,
                    job.state() == JobState.CREATED ? Instant.now() : graceEnd, stale);
            masters.put(job.id(), master);
            LOG.infof("job=%s attempt=%d: resumed after control-plane start (%s), redeploy not before %s", job.id(),
                    job.attempt(), job.state(), graceEnd);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        masters.values().forEach(JobMaster::shutdown);
    }

    @Scheduled(identity = "job-scheduling-retry", every = "${millrace.jobs.scheduling-retry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryWaitingJobs() {
        masters.values().forEach(JobMaster::poke);
    }

    void onJobMessage(@Observes WorkerJobMessage event) {
        WorkerMessage message = event.message();
        TaskRef task = switch (message.getKindCase()) {
            case TASK_STATE -> message.getTaskState().getTask();
            case SOURCE_FINISHED -> message.getSourceFinished().getTask();
            case CHECKPOINT_ACK -> message.getCheckpointAck().getTask();
            case CHECKPOINT_DECLINED -> message.getCheckpointDeclined().getTask();
            default -> null;
        };
        if (task == null) {
            // Metrics are not kept yet (the monitoring issue will); they must not cost anything here.
            return;
        }
        UUID jobId;
        try {
            jobId = UUID.fromString(task.getJobId());
        } catch (IllegalArgumentException notAUuid) {
            LOG.warnf("worker %s: %s for job id '%s', which is not a job id, ignored", event.workerId(),
                    message.getKindCase(), task.getJobId());
            return;
        }
        JobMaster master = masters.get(jobId);
        if (master == null) {
            LOG.debugf("worker %s: %s for job=%s attempt=%d, which has no running master, ignored", event.workerId(),
                    message.getKindCase(), jobId, task.getAttempt());
            return;
        }
        master.onMessage(event.workerId(), message);
    }

    void onWorkerLost(@Observes WorkerLost lost) {
        masters.values().forEach(master -> master.onWorkerGone(lost.workerId(), lost.reason()));
    }

    void onWorkerAvailability(@Observes WorkerAvailability availability) {
        for (JobMaster master : masters.values()) {
            if (availability.available()) {
                master.onWorkerAvailable(availability.workerId());
                master.poke();
            } else {
                master.onWorkerGone(availability.workerId(), availability.reason());
            }
        }
    }

    // ---- Cluster ---------------------------------------------------------------------------------------------------

    @Override
    public synchronized SchedulingResult reserve(UUID jobId, String tenantId, List<TaskKey> tasks) {
        reservations.remove(jobId);
        Map<String, Integer> used = new HashMap<>();
        int tenantInUse = 0;
        for (Reservation reservation : reservations.values()) {
            reservation.placement().values().forEach(worker -> used.merge(worker, 1, Integer::sum));
            if (reservation.tenantId().equals(tenantId)) {
                tenantInUse += reservation.placement().size();
            }
        }
        Set<String> open = sessions.openWorkers();
        List<WorkerSlots> live = workers.list().stream()
                .filter(w -> w.state() == WorkerState.CONNECTED && open.contains(w.id()) && !suspected(w))
                .map(w -> new WorkerSlots(w.id(), Math.max(0, w.slots() - used.getOrDefault(w.id(), 0))))
                .toList();
        SchedulingResult result = scheduler.schedule(new SchedulingRequest(tenantId, tasks, live,
                schedulerConfig.policy(), tenantInUse, schedulerConfig.tenantSlotQuota()));
        if (result instanceof SchedulingResult.Placed placed) {
            reservations.put(jobId, new Reservation(tenantId, placed.placement()));
        }
        return result;
    }

    @Override
    public synchronized void release(UUID jobId) {
        reservations.remove(jobId);
    }

    @Override
    public Map<String, String> dataAddresses(Collection<String> workerIds) {
        Map<String, String> addresses = new HashMap<>();
        for (WorkerView worker : workers.list()) {
            if (workerIds.contains(worker.id())) {
                addresses.put(worker.id(), worker.dataAddress());
            }
        }
        return addresses;
    }

    @Override
    public boolean send(String workerId, ControlMessage message) {
        return sessions.send(workerId, message);
    }

    @Override
    public void suspect(String workerId, String reason) {
        if (suspects.put(workerId, Instant.now()) == null) {
            LOG.infof("worker %s suspected (%s): no new tasks there until it heartbeats again", workerId, reason);
        }
    }

    /** Suspected and not heard from since; a newer heartbeat clears the suspicion. */
    private boolean suspected(WorkerView worker) {
        Instant since = suspects.get(worker.id());
        if (since == null) {
            return false;
        }
        if (worker.lastHeartbeatAt() != null && worker.lastHeartbeatAt().isAfter(since)) {
            suspects.remove(worker.id(), since);
            return false;
        }
        return true;
    }

    @Override
    public Set<String> openWorkers() {
        return sessions.openWorkers();
    }

    @Override
    public void retired(UUID jobId) {
        release(jobId);
        masters.remove(jobId);
    }
}
