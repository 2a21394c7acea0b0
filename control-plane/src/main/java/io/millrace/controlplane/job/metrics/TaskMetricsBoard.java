package io.millrace.controlplane.job.metrics;

import io.millrace.controlplane.worker.service.WorkerJobMessage;
import io.millrace.protocol.v1.NodeGauge;
import io.millrace.protocol.v1.TaskMetricsSample;
import io.millrace.protocol.v1.WorkerMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest {@code WorkerMetrics} of every task, in memory (the gateway used to drop them): per job, the current
 * attempt's last two samples per task, enough for per-second rates, plus the latest sample's interval shares
 * (busy/idle/backpressured), watermark and node gauges. Samples of an older attempt are dropped when a
 * newer one reports; jobs silent for {@link #FORGET_AFTER} are forgotten. Nothing here is persisted: after a
 * control-plane start, rates reappear with the workers' next reports.
 */
@ApplicationScoped
public class TaskMetricsBoard {

    static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private record TaskKey(String chainId, int subtask) {
    }

    private record Sample(long attempt, String workerId, long recordsIn, long recordsOut, double backpressure,
            double busy, double idle, long watermark, Map<String, Map<String, Long>> nodeGauges, Instant at) {
    }

    /** The last two samples of a task (previous may be null). */
    private record Pair(Sample previous, Sample latest) {
    }

    private final Map<UUID, Map<TaskKey, Pair>> jobs = new ConcurrentHashMap<>();
    private final Clock clock;

    public TaskMetricsBoard() {
        this(Clock.systemUTC());
    }

    TaskMetricsBoard(Clock clock) {
        this.clock = clock;
    }

    void onWorkerMessage(@Observes WorkerJobMessage event) {
        WorkerMessage message = event.message();
        if (message.getKindCase() != WorkerMessage.KindCase.METRICS) {
            return;
        }
        Instant now = clock.instant();
        for (TaskMetricsSample sample : message.getMetrics().getTasksList()) {
            record(event.workerId(), sample, now);
        }
        forgetSilentJobs(now);
    }

    void record(String workerId, TaskMetricsSample sample, Instant now) {
        UUID jobId;
        try {
            jobId = UUID.fromString(sample.getTask().getJobId());
        } catch (IllegalArgumentException notAJob) {
            return;
        }
        long attempt = sample.getTask().getAttempt();
        Sample next = new Sample(attempt, workerId, sample.getRecordsIn(), sample.getRecordsOut(),
                sample.getBackpressureRatio(), sample.getBusyRatio(), sample.getIdleRatio(),
                sample.getCurrentWatermark(), nodeGauges(sample), now);
        Map<TaskKey, Pair> tasks = jobs.computeIfAbsent(jobId, id -> new ConcurrentHashMap<>());
        if (tasks.values().stream().anyMatch(p -> p.latest().attempt() > attempt)) {
            return; // a late report of an attempt that was already replaced
        }
        tasks.values().removeIf(p -> p.latest().attempt() < attempt);
        tasks.compute(new TaskKey(sample.getTask().getChainId(), sample.getTask().getSubtask()),
                (key, pair) -> new Pair(pair == null || pair.latest().attempt() != attempt ? null : pair.latest(),
                        next));
    }

    /** The job's tasks' latest rates, by chain and subtask; empty when no worker reported for it lately. */
    public List<TaskRates> rates(UUID jobId) {
        Map<TaskKey, Pair> tasks = jobs.getOrDefault(jobId, Map.of());
        return tasks.entrySet().stream()
                .map(e -> rates(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(TaskRates::chainId).thenComparingInt(TaskRates::subtask))
                .toList();
    }

    private static TaskRates rates(TaskKey key, Pair pair) {
        Sample latest = pair.latest();
        Sample previous = pair.previous();
        Double inRate = null;
        Double outRate = null;
        if (previous != null) {
            double seconds = Duration.between(previous.at(), latest.at()).toNanos() / 1e9;
            if (seconds > 0) {
                inRate = Math.max(0, latest.recordsIn() - previous.recordsIn()) / seconds;
                outRate = Math.max(0, latest.recordsOut() - previous.recordsOut()) / seconds;
            }
        }
        // Watermarks are epoch millis; 0 (a pre-1.4 worker) or Long.MIN_VALUE mean "none yet", Long.MAX_VALUE "input
        // ended" (lag 0, no watermark to show: it is not a time).
        Long lag = latest.watermark() > 0 ? Math.max(0, latest.at().toEpochMilli() - latest.watermark()) : null;
        Long watermark = latest.watermark() > 0 && latest.watermark() != Long.MAX_VALUE ? latest.watermark() : null;
        // A worker that reports the shares always has busy + idle + backpressure = 1; a worker older than 1.4 sends
        // busy = idle = 0 whatever its backpressure: unknown, not "neither busy nor idle".
        boolean shares = Math.abs(latest.busy() + latest.idle() + latest.backpressure() - 1) < 1e-6;
        return new TaskRates(key.chainId(), key.subtask(), latest.attempt(), latest.workerId(), latest.recordsIn(),
                latest.recordsOut(), inRate, outRate, latest.backpressure(), lag, latest.at(),
                shares ? latest.busy() : null, shares ? latest.idle() : null, watermark, latest.nodeGauges());
    }

    private static Map<String, Map<String, Long>> nodeGauges(TaskMetricsSample sample) {
        if (sample.getNodeGaugesCount() == 0) {
            return Map.of();
        }
        Map<String, Map<String, Long>> byNode = new TreeMap<>();
        for (NodeGauge gauge : sample.getNodeGaugesList()) {
            byNode.computeIfAbsent(gauge.getNodeId(), n -> new TreeMap<>()).put(gauge.getName(), gauge.getValue());
        }
        byNode.replaceAll((node, values) -> Collections.unmodifiableMap(values));
        return Collections.unmodifiableMap(byNode);
    }

    private void forgetSilentJobs(Instant now) {
        Instant cutoff = now.minus(FORGET_AFTER);
        jobs.values().removeIf(tasks -> tasks.values().stream().allMatch(p -> p.latest().at().isBefore(cutoff)));
    }
}
