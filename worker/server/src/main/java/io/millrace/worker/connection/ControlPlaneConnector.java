package io.millrace.worker.connection;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.millrace.protocol.v1.ControlMessage;
import io.millrace.protocol.v1.WorkerGatewayGrpc;
import io.millrace.worker.config.WorkerConfig;
import io.millrace.worker.data.DataAddress;
import io.millrace.worker.execution.JobExecutions;
import io.millrace.worker.preview.PreviewExecutor;
import io.millrace.worker.identity.WorkerIdentity;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this worker connected to the control plane: dials out at start, runs one {@link GatewaySession} at a time,
 * and after a session ends schedules the next one with backoff. All of it runs on one dedicated thread, so sessions,
 * backoff and state need no locks.
 */
@ApplicationScoped
public class ControlPlaneConnector implements GatewaySession.Listener {

    private final WorkerIdentity identity;
    private final WorkerConfig.ControlPlane target;
    private final WorkerConfig.Reconnect reconnect;
    private final ConnectionStatus status;
    private final Backoff backoff;
    private final DataAddress dataAddress;
    private final JobExecutions jobs;
    private final PreviewExecutor previews;
    private final ControlPlaneOutbox outbox;

    private ScheduledExecutorService thread;
    private ManagedChannel channel;
    private GatewaySession session;
    private int attempt;
    private boolean stopped;

    public ControlPlaneConnector(WorkerIdentity identity, WorkerConfig config, ConnectionStatus status,
            DataAddress dataAddress, JobExecutions jobs, PreviewExecutor previews, ControlPlaneOutbox outbox) {
        this.identity = identity;
        this.previews = previews;
        this.dataAddress = dataAddress;
        this.jobs = jobs;
        this.outbox = outbox;
        this.target = config.controlPlane();
        this.reconnect = config.reconnect();
        this.status = status;
        this.backoff = new Backoff(reconnect.initialBackoff(), reconnect.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    void start(@Observes StartupEvent event) {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "millrace-control-plane-link");
            t.setDaemon(true);
            return t;
        });
        // One channel for the process: it re-establishes its HTTP/2 connection by itself; we only open new streams.
        channel = NettyChannelBuilder.forAddress(target.host(), target.port()).usePlaintext().build();
        thread.execute(this::connect);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (thread == null) {
            return;
        }
        thread.submit(() -> {
            stopped = true;
            outbox.detach();
            status.moveTo(new ConnectionState.Stopped());
            if (session != null) {
                session.abort("worker shutting down");
            }
        });
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
        channel.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void connect() {
        if (stopped) {
            return;
        }
        Optional<String> address = dataAddress.current();
        if (address.isEmpty()) {
            // The HTTP server (which serves DataExchange) has not bound its port yet: peers could not reach us.
            thread.schedule(this::connect, 50, TimeUnit.MILLISECONDS);
            return;
        }
        attempt++;
        status.moveTo(new ConnectionState.Connecting(attempt));
        session = new GatewaySession(identity, thread, this, System::nanoTime, address.get(), jobs::runningTasks,
                this::route);
        session.open(WorkerGatewayGrpc.newStub(channel));
    }

    /** Previews go to their own pool; everything else concerns jobs. */
    private void route(ControlMessage message) {
        if (message.getKindCase() == ControlMessage.KindCase.RUN_PREVIEW) {
            previews.handle(message.getRunPreview());
        } else {
            jobs.handle(message);
        }
    }

    @Override
    public void accepted(GatewaySession from, Duration heartbeatInterval, Duration heartbeatTimeout) {
        if (from != session) {
            return;
        }
        attempt = 0;
        backoff.reset();
        status.moveTo(new ConnectionState.Registered(heartbeatInterval, heartbeatTimeout));
        // Reports come from task threads: hop onto this thread, where the session's stream may be used.
        outbox.attach(message -> {
            try {
                thread.execute(() -> from.send(message));
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                ControlPlaneOutbox.dropped(message);
            }
        });
    }

    @Override
    public void refused(GatewaySession from, String reason) {
        if (from != session || stopped) {
            return;
        }
        outbox.detach();
        status.moveTo(new ConnectionState.Refused(reason, reconnect.afterRefusal()));
    }

    @Override
    public void ended(GatewaySession from, String cause) {
        if (from != session || stopped) {
            return;
        }
        session = null;
        outbox.detach();
        Duration delay;
        if (status.current() instanceof ConnectionState.Refused refused) {
            delay = refused.retryIn();
        } else {
            delay = backoff.nextDelay();
            status.moveTo(new ConnectionState.Disconnected(cause, delay));
        }
        thread.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
