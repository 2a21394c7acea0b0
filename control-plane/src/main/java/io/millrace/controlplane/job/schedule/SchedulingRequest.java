package io.millrace.controlplane.job.schedule;

import java.util.List;
import java.util.OptionalInt;

/**
 * What to place: the subtasks of one attempt (one slot each, in plan order), onto which live workers, for which tenant.
 *
 * @param tenantSlotsInUse slots the tenant's other jobs occupy now
 * @param tenantSlotQuota the most slots the tenant may occupy; empty when unlimited
 */
public record SchedulingRequest(String tenant, List<TaskKey> tasks, List<WorkerSlots> workers, SchedulingPolicy policy,
        int tenantSlotsInUse, OptionalInt tenantSlotQuota) {

    public SchedulingRequest {
        tasks = List.copyOf(tasks);
        workers = List.copyOf(workers);
    }
}
