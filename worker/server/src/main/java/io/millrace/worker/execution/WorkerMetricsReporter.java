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
 * the control plane and keeps Micrometer meters on {@code /q/metrics}, tagged job/attempt/task (or channel). Ratios
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
            for (Map.Entry<TaskId, TaskMetrics> entry : slice.taskMetrics().entrySet()) {
                TaskReading reading = tasks.computeIfAbsent(entry.getKey(), task -> register(task, entry.getValue(),
                        now));
                double ratio = reading.next(entry.getValue().backpressuredNanos(), now);
                report.addTasks(TaskMetricsSample.newBuilder()
                        .setTask(execution.reports().ref(entry.getKey()))
                        .setRecordsIn(entry.getValue().recordsIn())
                        .setBackpressureRatio(ratio));
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

        private TaskReading register(TaskId task, TaskMetrics metrics, long now) {
            TaskReading reading = new TaskReading(metrics.backpressuredNanos(), now);
            Tags tags = Tags.of("job", key.jobId(), "attempt", Long.toString(key.attempt()), "task", task.toString());
            meters.add(FunctionCounter.builder("millrace.task.records.in", metrics, TaskMetrics::recordsIn)
                    .description("Records the task consumed").tags(tags).register(registry));
            meters.add(Gauge.builder("millrace.task.backpressure.ratio", reading, r -> r.ratio)
                    .description("Share of the last metrics interval the task waited for output capacity")
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

    /** Backpressured time at the previous reading; the ratio over the last interval. */
    private static final class TaskReading {
        private long backpressuredNanos;
        private long atNanos;
        private volatile double ratio;

        TaskReading(long backpressuredNanos, long atNanos) {
            this.backpressuredNanos = backpressuredNanos;
            this.atNanos = atNanos;
        }

        double next(long nowBackpressured, long now) {
            long elapsed = now - atNanos;
            ratio = elapsed <= 0 ? 0 : Math.min(1.0, (double) (nowBackpressured - backpressuredNanos) / elapsed);
            backpressuredNanos = nowBackpressured;
            atNanos = now;
            return ratio;
        }
    }

    private static final class ChannelReading {
        private volatile ChannelMetrics latest;

        ChannelReading(ChannelMetrics first) {
            this.latest = first;
        }
    }
}
