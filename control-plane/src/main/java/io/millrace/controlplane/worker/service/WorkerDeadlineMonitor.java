package io.millrace.controlplane.worker.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;

/**
 * Applies the heartbeat deadline: every {@code millrace.workers.deadline-check-interval} it marks overdue workers LOST
 * and announces each one ({@link WorkerLost}) so its stream gets closed.
 */
@ApplicationScoped
public class WorkerDeadlineMonitor {

    private final WorkerRegistry registry;
    private final Event<WorkerLost> lostEvents;

    public WorkerDeadlineMonitor(WorkerRegistry registry, Event<WorkerLost> lostEvents) {
        this.registry = registry;
        this.lostEvents = lostEvents;
    }

    @Scheduled(identity = "worker-heartbeat-deadlines", every = "${millrace.workers.deadline-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkDeadlines() {
        // The transaction commits inside markOverdueLost, before anyone is told: a closed stream never races a row
        // that still says CONNECTED.
        registry.markOverdueLost(Instant.now()).forEach(lostEvents::fire);
    }
}
