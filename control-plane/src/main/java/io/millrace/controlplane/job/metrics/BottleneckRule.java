package io.millrace.controlplane.job.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the task that backpressures a job (DESIGN.md §8.3), after Flink's advice: backpressure is caused by the first
 * task downstream of backpressured tasks that is busy nearly all the time. Precisely, per chain, over the subtasks
 * that reported busy/idle shares in their latest sample:
 *
 * <ol>
 *   <li>a chain is BACKPRESSURED when one of its subtasks waited for output capacity at least {@link
 *       #BACKPRESSURED} of the interval;</li>
 *   <li>a chain is a CANDIDATE when one of its subtasks was busy at least {@link #BUSY} of the interval, it is not
 *       backpressured itself (a slow task that waits on its own output is a victim, not the cause), and at least one
 *       of its input chains is backpressured (someone waits on it);</li>
 *   <li>the bottleneck is the candidate nearest the sources ({@link JobTopology#depthOf}), then the busiest, then by
 *       chain id. None when there is no candidate: a busy source with nobody waiting is only a full pipeline, and
 *       backpressure without a busy task downstream (e.g. a remote channel short of credit) is not attributed.</li>
 * </ol>
 *
 * A chain's maximum over its subtasks, not the mean, so one hot subtask (skewed keys) is found too. Pure: no clock,
 * no state.
 */
public final class BottleneckRule {

    /** "Busy ~100%": the share above which a task is considered saturated. */
    public static final double BUSY = 0.8;
    /** Flink's HIGH backpressure level starts at 50% of the time; below it waiting is ordinary jitter. */
    public static final double BACKPRESSURED = 0.5;

    private record ChainLoad(String chainId, int busiestSubtask, double busy, double backpressure) {
    }

    public Optional<Bottleneck> find(JobTopology topology, List<TaskRates> tasks) {
        Map<String, ChainLoad> loads = loads(topology, tasks);
        return loads.values().stream()
                .filter(load -> load.busy() >= BUSY && load.backpressure() < BACKPRESSURED)
                .filter(load -> !backpressuredInputs(topology, loads, load.chainId()).isEmpty())
                .min(Comparator.comparingInt((ChainLoad load) -> topology.depthOf(load.chainId()))
                        .thenComparing(Comparator.comparingDouble(ChainLoad::busy).reversed())
                        .thenComparing(ChainLoad::chainId))
                .map(load -> bottleneck(topology, loads, load));
    }

    private static Map<String, ChainLoad> loads(JobTopology topology, List<TaskRates> tasks) {
        Map<String, ChainLoad> loads = new TreeMap<>();
        for (TaskRates task : tasks) {
            if (task.busyRatio() == null || !topology.nodes().containsKey(task.chainId())) {
                continue;
            }
            loads.merge(task.chainId(), new ChainLoad(task.chainId(), task.subtask(), task.busyRatio(),
                    task.backpressureRatio()), (a, b) -> new ChainLoad(a.chainId(),
                            b.busy() > a.busy() ? b.busiestSubtask() : a.busiestSubtask(),
                            Math.max(a.busy(), b.busy()), Math.max(a.backpressure(), b.backpressure())));
        }
        return loads;
    }

    private static List<Bottleneck.BackpressuredInput> backpressuredInputs(JobTopology topology,
            Map<String, ChainLoad> loads, String chain) {
        List<Bottleneck.BackpressuredInput> inputs = new ArrayList<>();
        for (String input : topology.inputsOf(chain).stream().sorted().toList()) {
            ChainLoad load = loads.get(input);
            if (load != null && load.backpressure() >= BACKPRESSURED) {
                inputs.add(new Bottleneck.BackpressuredInput(input, load.backpressure()));
            }
        }
        return inputs;
    }

    private static Bottleneck bottleneck(JobTopology topology, Map<String, ChainLoad> loads, ChainLoad load) {
        List<Bottleneck.BackpressuredInput> inputs = backpressuredInputs(topology, loads, load.chainId());
        List<String> nodes = topology.nodesOf(load.chainId());
        String waiting = String.join(", ", inputs.stream()
                .map(i -> i.chainId() + " (" + percent(i.backpressureRatio()) + " backpressured)").toList());
        String reason = "task " + load.chainId() + "#" + load.busiestSubtask() + " (nodes " + String.join(", ", nodes)
                + ") is busy " + percent(load.busy()) + " of the time and not backpressured, while " + waiting
                + " wait" + (inputs.size() == 1 ? "s" : "") + " for it: it limits the job's throughput; raise its"
                + " parallelism, make its operators cheaper, or spread hot keys";
        return new Bottleneck(load.chainId(), nodes, load.busiestSubtask(), load.busy(), load.backpressure(), inputs,
                reason);
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }
}
