package io.millrace.controlplane.job.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the scheduler for any cluster shape and any plan shape. */
class SchedulerPropertiesTest {

    private final Scheduler scheduler = new Scheduler();

    private static List<WorkerSlots> workers(List<Integer> free) {
        List<WorkerSlots> workers = new ArrayList<>();
        for (int i = 0; i < free.size(); i++) {
            workers.add(new WorkerSlots("w" + i, free.get(i)));
        }
        return workers;
    }

    private static List<TaskKey> tasks(List<Integer> chainParallelism) {
        List<TaskKey> tasks = new ArrayList<>();
        for (int c = 0; c < chainParallelism.size(); c++) {
            tasks.addAll(SchedulerTest.tasks("chain" + c, chainParallelism.get(c)));
        }
        return tasks;
    }

    @Property
    void placesEveryTaskExactlyOnceWithinFreeSlotsOrExplainsWhy(
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 5) Integer> free,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 6) Integer> chains,
            @ForAll SchedulingPolicy policy) {
        List<WorkerSlots> workers = workers(free);
        List<TaskKey> tasks = tasks(chains);
        SchedulingResult result = scheduler.schedule(new SchedulingRequest("t", tasks, workers, policy, 0,
                OptionalInt.empty()));
        int totalFree = free.stream().mapToInt(Integer::intValue).sum();
        if (totalFree < tasks.size()) {
            assertThat(result).isInstanceOf(SchedulingResult.Unschedulable.class);
            assertThat(((SchedulingResult.Unschedulable) result).reason())
                    .startsWith("needs " + tasks.size() + " slots, " + totalFree + " free");
            return;
        }
        Map<TaskKey, String> placement = ((SchedulingResult.Placed) result).placement();
        assertThat(placement.keySet()).isEqualTo(Set.copyOf(tasks));
        Map<String, Long> used = placement.values().stream()
                .collect(Collectors.groupingBy(w -> w, Collectors.counting()));
        Map<String, Integer> capacity = new HashMap<>();
        workers.forEach(w -> capacity.put(w.workerId(), w.freeSlots()));
        used.forEach((worker, count) -> assertThat(count).as(worker).isLessThanOrEqualTo(capacity.get(worker)));
    }

    @Property
    void packUsesTheFewestWorkersPossibleInOrder(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 5) Integer> free,
            @ForAll @IntRange(min = 1, max = 20) int parallelism) {
        int totalFree = free.stream().mapToInt(Integer::intValue).sum();
        if (totalFree < parallelism) {
            return;
        }
        Map<TaskKey, String> placement = ((SchedulingResult.Placed) scheduler.schedule(new SchedulingRequest("t",
                SchedulerTest.tasks("c", parallelism), workers(free), SchedulingPolicy.PACK, 0, OptionalInt.empty())))
                .placement();
        // Filling in id order: the workers used are a prefix of the id order, all but the last one full.
        int prefix = 0;
        int filled = 0;
        while (filled < parallelism) {
            filled += free.get(prefix++);
        }
        Set<String> expected = new java.util.HashSet<>();
        for (int i = 0; i < prefix; i++) {
            expected.add("w" + i);
        }
        assertThat(Set.copyOf(placement.values())).isEqualTo(expected);
    }

    @Property
    void spreadNeverDoublesAChainOnAWorkerWhileAnotherWorkerHasRoomAndNoneOfIt(
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 4) Integer> free,
            @ForAll @IntRange(min = 1, max = 8) int parallelism) {
        int totalFree = free.stream().mapToInt(Integer::intValue).sum();
        if (totalFree < parallelism) {
            return;
        }
        Map<TaskKey, String> placement = ((SchedulingResult.Placed) scheduler.schedule(new SchedulingRequest("t",
                SchedulerTest.tasks("c", parallelism), workers(free), SchedulingPolicy.SPREAD, 0,
                OptionalInt.empty()))).placement();
        long distinct = placement.values().stream().distinct().count();
        assertThat(distinct).isEqualTo(Math.min(parallelism, free.size()));
    }
}
