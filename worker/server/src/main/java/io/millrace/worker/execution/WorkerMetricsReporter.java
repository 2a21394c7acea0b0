package io.millrace.worker.execution;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.millrace.engine.runtime.JobSlice;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.network.ChannelMetrics;
import io.millrace.engine.runtime.task.TaskMetrics;
import io.millrace.protocol.v1.ChannelMetricsSample;
import io.millrace.protocol.v1.NodeGauge;
import io.millrace.protocol.v1.TaskMetricsSample;
import io.millrace.protocol.v1.WorkerMessage;
import io.millrace.protocol.v1.WorkerMetrics;
import io.millrace.worker.config.WorkerConfig;
import io.millrace.worker.connection.ControlPlaneOutbox;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Samples the running attempts every {@code millrace.worker.metrics.interval}: sends a {@code WorkerMetrics} report to
 * the control plane and keeps Micrometer meters on {@code /q/metrics}, tagged job/attempt/task (or channel). Per task:
 * records in/out (cumulative), the input watermark, every node's counters and gauges (e.g. Kafka lag), and the busy,
 * idle and backpressured shares of the interval. Ratios
 * are over the last interval, not since the task started, so a job that WAS backpressured an hour ago reads 0 now.
 * Channel readings are taken once per interval and the gauges show that reading: reading a channel resets its
 * backpressure window, so two readers would split it.
 */
@ApplicationScoped
public class WorkerMetricsReporter {

    private static final Logger LOG = Logger.getLogger(WorkerMetricsReporter.class);

    private final JobExecutions jobs;
    private final ControlPlaneOutbox outbox;
    private final MeterRegistry registry;
    private final Duration interval;
    /** Guarded by this: meters and previous readings per attempt. */
    private final Map<JobExecutions.AttemptKey, AttemptMeters> attempts = new HashMap<>();
    private ScheduledExecutorService thread;

    public WorkerMetricsReporter(JobExecutions jobs, ControlPlaneOutbox outbox, MeterRegistry registry,
            WorkerConfig config) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.registry = registry;
        this.interval = config.metrics().interval();
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("millrace.worker.metrics.interval must be > 0, got " + interval);
        }
    }

    void start(@Observes StartupEvent event) {
        jobs.onAttemptEnded(this::forget);
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "millrace-metrics");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleAtFixedRate(this::report, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    /** One reading of every running attempt, sent to the control plane if any task runs. */
    synchronized void report() {
        try {
            WorkerMetrics.Builder report = WorkerMetrics.newBuilder();
            for (JobExecution execution : jobs.executions()) {
                JobSlice slice = execution.slice();
                if (slice == null) {
                    continue;
                }
                AttemptMeters meters = attempts.computeIfAbsent(
                        new JobExecutions.AttemptKey(execution.jobId(), execution.attempt()),
                        key -> new AttemptMeters(key));
                meters.sample(execution, slice, report);
            }
            if (report.getTasksCount() > 0 || report.getChannelsCount() > 0) {
                outbox.send(WorkerMessage.newBuilder().setMetrics(report).build());
            }
        } catch (RuntimeException e) {
            // A metrics hiccup must never stop the schedule (an exception would cancel it for good).
            LOG.warnf("metrics report failed: %s", TaskReports.oneLine(e));
        }
    }

    private synchronized void forget(JobExecution execution) {
        AttemptMeters meters = attempts.remove(new JobExecutions.AttemptKey(execution.jobId(), execution.attempt()));
        if (meters != null) {
            meters.meters.forEach(registry::remove);
        }
    }

    /** The meters of one attempt, and what the previous interval's ratios are computed from. */
    private final class AttemptMeters {

        private final JobExecutions.AttemptKey key;
        private final List<Meter> meters = new ArrayList<>();
        private final Map<TaskId, TaskReading> tasks = new HashMap<>();
        private final Map<String, ChannelReading> channels = new HashMap<>();

        AttemptMeters(JobExecutions.AttemptKey key) {
            this.key = key;
        }

        void sample(JobExecution execution, JobSlice slice, WorkerMetrics.Builder report) {
            long now = System.nanoTime();
            Map<TaskId, Map<String, Map<String, Long>>> nodes = slice.nodeMetrics();
            for (Map.Entry<TaskId, TaskMetrics> entry : slice.taskMetrics().entrySet()) {
                TaskMetrics metrics = entry.getValue();
                TaskReading reading = tasks.computeIfAbsent(entry.getKey(), task -> register(task, metrics));
                reading.next(metrics, now);
                TaskMetricsSample.Builder sample = TaskMetricsSample.newBuilder()
                        .setTask(execution.reports().ref(entry.getKey()))
                        .setRecordsIn(metrics.recordsIn())
                        .setRecordsOut(metrics.recordsOut())
                        .setCurrentWatermark(metrics.currentWatermark())
                        .setBackpressureRatio(reading.backpressure)
                        .setBusyRatio(reading.busy)
                        .setIdleRatio(reading.idle);
                nodes.getOrDefault(entry.getKey(), Map.of()).forEach((node, values) -> values.forEach(
                        (name, value) -> sample.addNodeGauges(NodeGauge.newBuilder().setNodeId(node).setName(name)
                                .setValue(value))));
                report.addTasks(sample);
            }
            for (ChannelMetrics channel : slice.channelMetrics()) {
                String name = channel.key().displayName();
                channels.computeIfAbsent(name + (channel.outbound() ? ">" : "<"), n -> register(channel)).latest =
                        channel;
                report.addChannels(ChannelMetricsSample.newBuilder()
                        .setJobId(key.jobId()).setAttempt(key.attempt()).setChannel(name)
                        .setOutbound(channel.outbound()).setBuffersInUse(channel.buffersInUse())
                        .setCredits(channel.credits()).setBackpressureRatio(channel.backpressureRatio()));
            }
        }

        private TaskReading register(TaskId task, TaskMetrics metrics) {
            TaskReading reading = new TaskReading(metrics);
            Tags tags = Tags.of("job", key.jobId(), "attempt", Long.toString(key.attempt()), "task", task.toString());
            meters.add(FunctionCounter.builder("millrace.task.records.in", metrics, TaskMetrics::recordsIn)
                    .description("Records the task consumed").tags(tags).register(registry));
            meters.add(FunctionCounter.builder("millrace.task.records.out", metrics, TaskMetrics::recordsOut)
                    .description("Records that left the task (sent to its exchanges or written by its sink)")
                    .tags(tags).register(registry));
            meters.add(Gauge.builder("millrace.task.backpressure.ratio", reading, r -> r.backpressure)
                    .description("Share of the last metrics interval the task waited for output capacity")
                    .tags(tags).register(registry));
            meters.add(Gauge.builder("millrace.task.busy.ratio", reading, r -> r.busy)
                    .description("Share of the last metrics interval the task spent processing")
                    .tags(tags).register(registry));
            meters.add(Gauge.builder("millrace.task.idle.ratio", reading, r -> r.idle)
                    .description("Share of the last metrics interval the task waited for input")
                    .tags(tags).register(registry));
            return reading;
        }

        private ChannelReading register(ChannelMetrics first) {
            ChannelReading reading = new ChannelReading(first);
            Tags tags = Tags.of("job", key.jobId(), "attempt", Long.toString(key.attempt()), "channel",
                    first.key().displayName(), "direction", first.outbound() ? "out" : "in");
            meters.add(Gauge.builder("millrace.channel.buffers.in.use", reading, r -> r.latest.buffersInUse())
                    .description("Batches queued in the channel's local buffer").tags(tags).register(registry));
            meters.add(Gauge.builder("millrace.channel.credits", reading, r -> r.latest.credits())
                    .description("Credits held (outbound) or granted and unused by the sender (inbound)")
                    .tags(tags).register(registry));
            meters.add(Gauge.builder("millrace.channel.backpressure.ratio", reading,
                            r -> r.latest.backpressureRatio())
                    .description("Share of the last interval the producer waited on this channel")
                    .tags(tags).register(registry));
            return reading;
        }
    }

    /**
     * Idle and backpressured time at the previous reading; the shares of the last interval. Busy is the rest: a task
     * thread is busy, idle or backpressured. The task adds an idle or wait stretch when it ends, so a stretch that
     * spans the reading lands in the next interval; the shares are clamped so they still sum to 1.
     */
    private static final class TaskReading {
        private long idleNanos;
        private long backpressuredNanos;
        private long atNanos;
        private volatile double backpressure;
        private volatile double idle;
        private volatile double busy;

        /** Starts where the task's counters start, so the first sample already has shares (since the task began). */
        TaskReading(TaskMetrics metrics) {
            this.atNanos = metrics.startNanos();
        }

        void next(TaskMetrics metrics, long now) {
            long nowIdle = metrics.idleNanos();
            long nowBackpressured = metrics.backpressuredNanos();
            long elapsed = now - atNanos;
            if (elapsed > 0) {
                IntervalShares shares = IntervalShares.of(nowIdle - idleNanos, nowBackpressured - backpressuredNanos,
                        elapsed);
                idle = shares.idle();
                backpressure = shares.backpressured();
                busy = shares.busy();
            }
            idleNanos = nowIdle;
            backpressuredNanos = nowBackpressured;
            atNanos = now;
        }
    }

    private static final class ChannelReading {
        private volatile ChannelMetrics latest;

        ChannelReading(ChannelMetrics first) {
            this.latest = first;
        }
    }
}
