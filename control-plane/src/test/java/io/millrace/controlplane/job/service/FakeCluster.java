package io.millrace.controlplane.job.service;

import io.millrace.protocol.v1.TriggerCheckpoint;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the data plane between fake workers: a barrier injected at the sources reaches every task of the
 * attempt, so every live fake worker acknowledges for its own tasks.
 */
final class FakeCluster {

    private final List<FakeWorker> workers = new CopyOnWriteArrayList<>();

    void add(FakeWorker worker) {
        workers.add(worker);
    }

    void remove(FakeWorker worker) {
        workers.remove(worker);
    }

    void barrier(TriggerCheckpoint trigger) {
        workers.forEach(worker -> worker.barrier(trigger));
    }
}
