package io.millrace.controlplane.job.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private final Scheduler scheduler = new Scheduler();

    static List<TaskKey> tasks(String chain, int parallelism) {
        List<TaskKey> tasks = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            tasks.add(new TaskKey(chain, i));
        }
        return tasks;
    }

    private SchedulingResult schedule(List<TaskKey> tasks, SchedulingPolicy policy, WorkerSlots... workers) {
        return scheduler.schedule(new SchedulingRequest("acme", tasks, List.of(workers), policy, 0,
                OptionalInt.empty()));
    }

    private static Map<TaskKey, String> placed(SchedulingResult result) {
        assertThat(result).isInstanceOf(SchedulingResult.Placed.class);
        return ((SchedulingResult.Placed) result).placement();
    }

    @Test
    void notEnoughSlotsNamesWhatIsNeededAndWhatIsFreePerWorker() {
        List<TaskKey> six = new ArrayList<>(tasks("src", 3));
        six.addAll(tasks("agg", 3));
        SchedulingResult result = schedule(six, SchedulingPolicy.SPREAD, new WorkerSlots("w2", 2),
                new WorkerSlots("w1", 2));
        assertThat(result).isEqualTo(new SchedulingResult.Unschedulable(
                "needs 6 slots, 4 free on 2 live workers (w1: 2, w2: 2); add workers or lower parallelism"));
    }

    @Test
    void noWorkersAtAllIsSaidPlainly() {
        assertThat(schedule(tasks("src", 1), SchedulingPolicy.PACK)).isEqualTo(new SchedulingResult.Unschedulable(
                "needs 1 slots, 0 free on 0 live workers; add workers or lower parallelism"));
    }

    @Test
    void theTenantQuotaIsEnforcedWithTheNumbers() {
        SchedulingResult result = scheduler.schedule(new SchedulingRequest("acme", tasks("src", 2),
                List.of(new WorkerSlots("w1", 10)), SchedulingPolicy.PACK, 7, OptionalInt.of(8)));
        assertThat(result).isInstanceOf(SchedulingResult.Unschedulable.class);
        assertThat(((SchedulingResult.Unschedulable) result).reason())
                .startsWith("tenant acme uses 7 of 8 slots and this job needs 2");
    }

    @Test
    void withinTheQuotaItSchedules() {
        SchedulingResult result = scheduler.schedule(new SchedulingRequest("acme", tasks("src", 1),
                List.of(new WorkerSlots("w1", 10)), SchedulingPolicy.PACK, 7, OptionalInt.of(8)));
        assertThat(placed(result)).containsEntry(new TaskKey("src", 0), "w1");
    }

    @Test
    void packFillsTheFirstWorkersInIdOrder() {
        Map<TaskKey, String> placement = placed(schedule(tasks("src", 5), SchedulingPolicy.PACK,
                new WorkerSlots("w3", 4), new WorkerSlots("w1", 3), new WorkerSlots("w2", 4)));
        assertThat(placement.values().stream().collect(Collectors.groupingBy(w -> w, Collectors.counting())))
                .isEqualTo(Map.of("w1", 3L, "w2", 2L));
    }

    @Test
    void packSkipsFullWorkers() {
        Map<TaskKey, String> placement = placed(schedule(tasks("src", 2), SchedulingPolicy.PACK,
                new WorkerSlots("w1", 0), new WorkerSlots("w2", 2)));
        assertThat(placement.values()).containsOnly("w2");
    }

    @Test
    void spreadPutsSubtasksOfOneChainOnDifferentWorkers() {
        List<TaskKey> all = new ArrayList<>(tasks("src", 2));
        all.addAll(tasks("agg", 2));
        Map<TaskKey, String> placement = placed(schedule(all, SchedulingPolicy.SPREAD, new WorkerSlots("w1", 4),
                new WorkerSlots("w2", 4)));
        assertThat(placement.get(new TaskKey("src", 0))).isNotEqualTo(placement.get(new TaskKey("src", 1)));
        assertThat(placement.get(new TaskKey("agg", 0))).isNotEqualTo(placement.get(new TaskKey("agg", 1)));
    }

    @Test
    void spreadPrefersTheWorkerWithMostFreeSlots() {
        Map<TaskKey, String> placement = placed(schedule(tasks("src", 1), SchedulingPolicy.SPREAD,
                new WorkerSlots("w1", 1), new WorkerSlots("w2", 3)));
        assertThat(placement).containsEntry(new TaskKey("src", 0), "w2");
    }

    @Test
    void spreadDoublesUpAChainOnlyWhenItMust() {
        Map<TaskKey, String> placement = placed(schedule(tasks("src", 3), SchedulingPolicy.SPREAD,
                new WorkerSlots("w1", 2), new WorkerSlots("w2", 2)));
        assertThat(placement.values().stream().distinct()).containsExactlyInAnyOrder("w1", "w2");
    }
}
