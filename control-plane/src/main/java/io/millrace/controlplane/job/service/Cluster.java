package io.millrace.controlplane.job.service;

import io.millrace.controlplane.job.schedule.SchedulingResult;
import io.millrace.controlplane.job.schedule.TaskKey;
import io.millrace.protocol.v1.ControlMessage;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What a job master needs from the rest of the control plane: slots, worker streams, and its own retirement. */
interface Cluster {

    /** Places the tasks on live workers and, when that works, reserves the slots for the job until {@link #release}. */
    SchedulingResult reserve(UUID jobId, String tenantId, List<TaskKey> tasks);

    void release(UUID jobId);

    /** worker id → DataExchange address. */
    Map<String, String> dataAddresses(Collection<String> workerIds);

    boolean send(String workerId, ControlMessage message);

    Set<String> openWorkers();

    /**
     * A task lost its data stream to or from {@code workerId}: do not place tasks there again until that worker sends
     * a heartbeat newer than now. A worker killed with SIGKILL is detected this way within milliseconds, long before
     * its heartbeat deadline (and before its gateway stream is noticed as closed, see the README's known issues).
     */
    void suspect(String workerId, String reason);

    /** The job reached a terminal state: forget its master. */
    void retired(UUID jobId);
}
