package io.millrace.controlplane.worker.grpc;

import io.millrace.controlplane.worker.config.WorkersConfig;
import io.millrace.controlplane.worker.service.WorkerRegistry;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.WorkerGateway;
import io.millrace.protocol.v1.WorkerMessage;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.event.Event;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The gRPC endpoint workers dial into (served on the HTTP port, see README). Each {@code Connect} call is one
 * {@link WorkerSession}; its messages are moved off the event loop because handling them writes to PostgreSQL.
 */
@GrpcService
public class WorkerGatewayService implements WorkerGateway {

    private final WorkerRegistry registry;
    private final WorkerSessions sessions;
    private final WorkersConfig config;
    private final Event<Object> events;

    public WorkerGatewayService(WorkerRegistry registry, WorkerSessions sessions, WorkersConfig config,
            Event<Object> events) {
        this.registry = registry;
        this.sessions = sessions;
        this.config = config;
        this.events = events;
    }

    @Override
    public Multi<ControlMessage> connect(Multi<WorkerMessage> incoming) {
        return Multi.createFrom().emitter(replies -> {
            WorkerSession session = new WorkerSession(replies, registry, sessions, config, events::fire);
            // emitOn keeps the order and hands over one message at a time: the session needs no locking.
            Cancellable subscription = incoming
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .subscribe().with(
                            session::handle,
                            failure -> {
                                session.endedBecause("worker stream failed: " + failure.getMessage());
                                replies.complete();
                            },
                            () -> {
                                session.endedBecause("worker closed the stream");
                                replies.complete();
                            });
            replies.onTermination(() -> {
                subscription.cancel();
                Infrastructure.getDefaultWorkerPool().execute(session::ended);
            });
        });
    }
}
