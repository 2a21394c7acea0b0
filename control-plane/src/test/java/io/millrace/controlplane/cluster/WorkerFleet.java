package io.millrace.controlplane.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The worker processes of one test class: started on demand, all stopped by {@link #close()}. */
public final class WorkerFleet implements AutoCloseable {

    private final WorkerProcess.Settings settings;
    private final String namePrefix;
    private final List<WorkerProcess> workers = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();

    public WorkerFleet(String namePrefix, WorkerProcess.Settings settings) {
        this.namePrefix = namePrefix;
        this.settings = settings;
    }

    /** Starts a new worker with a fresh id ({@code <prefix>-<n>}). */
    public synchronized WorkerProcess startWorker() {
        return startWorker(Map.of());
    }

    public synchronized WorkerProcess startWorker(Map<String, String> extraEnv) {
        String id = namePrefix + "-" + started.incrementAndGet();
        var merged = new java.util.HashMap<>(settings.extraEnv());
        merged.putAll(extraEnv);
        WorkerProcess worker = WorkerProcess.start(id, new WorkerProcess.Settings(settings.controlPlanePort(),
                settings.dataRoot(), settings.checkpointStore(), settings.logDir(), settings.slots(), merged));
        workers.add(worker);
        return worker;
    }

    public synchronized List<WorkerProcess> alive() {
        return workers.stream().filter(WorkerProcess::alive).toList();
    }

    synchronized Optional<WorkerProcess> byId(String id) {
        return workers.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /** Stops every process (gracefully, then forcibly). */
    @Override
    public synchronized void close() {
        workers.forEach(WorkerProcess::stop);
        workers.clear();
    }
}
