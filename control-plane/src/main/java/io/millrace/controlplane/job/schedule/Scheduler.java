package io.millrace.controlplane.job.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Places subtasks into worker slots, one slot per subtask (no slot sharing yet). Pure: no clock, no I/O, deterministic
 * for the same request (workers are considered in id order).
 */
public final class Scheduler {

    public SchedulingResult schedule(SchedulingRequest request) {
        int needed = request.tasks().size();
        if (request.tenantSlotQuota().isPresent()) {
            int quota = request.tenantSlotQuota().getAsInt();
            if (request.tenantSlotsInUse() + needed > quota) {
                return new SchedulingResult.Unschedulable("tenant " + request.tenant() + " uses "
                        + request.tenantSlotsInUse() + " of " + quota + " slots and this job needs " + needed
                        + "; stop another job of the tenant, lower the parallelism or raise the quota"
                        + " (millrace.scheduler.tenant-slot-quota)");
            }
        }
        List<WorkerSlots> workers = request.workers().stream()
                .sorted(Comparator.comparing(WorkerSlots::workerId))
                .toList();
        int free = workers.stream().mapToInt(WorkerSlots::freeSlots).sum();
        if (free < needed) {
            return new SchedulingResult.Unschedulable("needs " + needed + " slots, " + free + " free on "
                    + workers.size() + " live workers" + describe(workers)
                    + "; add workers or lower parallelism");
        }
        Map<TaskKey, String> placement = switch (request.policy()) {
            case PACK -> pack(request.tasks(), workers);
            case SPREAD -> spread(request.tasks(), workers);
        };
        return new SchedulingResult.Placed(placement);
    }

    private static String describe(List<WorkerSlots> workers) {
        if (workers.isEmpty()) {
            return "";
        }
        return workers.stream().map(w -> w.workerId() + ": " + w.freeSlots())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static Map<TaskKey, String> pack(List<TaskKey> tasks, List<WorkerSlots> workers) {
        Map<TaskKey, String> placement = new LinkedHashMap<>();
        int worker = 0;
        int usedOnWorker = 0;
        for (TaskKey task : tasks) {
            while (usedOnWorker >= workers.get(worker).freeSlots()) {
                worker++;
                usedOnWorker = 0;
            }
            placement.put(task, workers.get(worker).workerId());
            usedOnWorker++;
        }
        return placement;
    }

    /**
     * Each subtask goes to the worker with the most free slots left that does not yet run a subtask of the same chain;
     * only when every worker with a free slot already does, the chain doubles up. Ties go to the lower worker id.
     */
    private static Map<TaskKey, String> spread(List<TaskKey> tasks, List<WorkerSlots> workers) {
        Map<String, Integer> left = new HashMap<>();
        workers.forEach(w -> left.put(w.workerId(), w.freeSlots()));
        Map<String, Set<String>> chainsOnWorker = new HashMap<>();
        Map<TaskKey, String> placement = new LinkedHashMap<>();
        for (TaskKey task : tasks) {
            List<WorkerSlots> candidates = new ArrayList<>();
            for (WorkerSlots w : workers) {
                if (left.get(w.workerId()) > 0) {
                    candidates.add(w);
                }
            }
            Comparator<WorkerSlots> order = Comparator
                    .comparing((WorkerSlots w) -> chainsOnWorker.getOrDefault(w.workerId(), Set.of())
                            .contains(task.chainId()))
                    .thenComparing(w -> -left.get(w.workerId()))
                    .thenComparing(WorkerSlots::workerId);
            WorkerSlots chosen = candidates.stream().min(order).orElseThrow();
            placement.put(task, chosen.workerId());
            left.merge(chosen.workerId(), -1, Integer::sum);
            chainsOnWorker.computeIfAbsent(chosen.workerId(), id -> new HashSet<>()).add(task.chainId());
        }
        return placement;
    }
}
