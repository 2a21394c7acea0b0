package io.millrace.worker.data;

import io.millrace.engine.runtime.network.ChannelKey;
import io.millrace.engine.runtime.network.InboundChannel;
import io.millrace.engine.runtime.network.OutboundChannel;
import io.millrace.engine.runtime.network.RemoteExchange;
import io.millrace.protocol.v1.CreditGrant;
import io.millrace.protocol.v1.DataFrame;
import io.grpc.stub.StreamObserver;
import io.millrace.worker.config.WorkerConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalInt;
import org.jboss.logging.Logger;

/**
 * This worker's side of the data plane: the engine's {@link RemoteExchange} over gRPC. Producer ends dial the
 * consumer's worker ({@link OutboundTransfer}, one gRPC connection per peer); consumer ends wait in the
 * {@link InboundRegistry} for the stream the {@link DataExchangeService} accepts ({@link InboundTransfer}) on this
 * worker's data port ({@link DataServer}).
 */
@ApplicationScoped
public class DataPlane implements RemoteExchange {

    private static final Logger LOG = Logger.getLogger(DataPlane.class);

    private final InboundRegistry registry;
    private final Transfers transfers = new Transfers();
    private final PeerChannels peers;
    private final String bindHost;
    private final int port;
    private final int maxMessageSize;
    private volatile DataServer server;

    @Inject
    public DataPlane(WorkerConfig config) {
        this(config.data().registrationTimeout(), config.data().maxMessageSize(), config.data().bindHost(),
                config.data().port());
    }

    /** A data plane outside CDI: a test's second "worker" in the same JVM ({@link #listen()} it yourself). */
    DataPlane(Duration registrationTimeout, int maxMessageSize, String bindHost, int port) {
        this.registry = new InboundRegistry(registrationTimeout);
        this.peers = new PeerChannels(maxMessageSize);
        this.bindHost = bindHost;
        this.port = port;
        this.maxMessageSize = maxMessageSize;
    }

    void start(@Observes StartupEvent event) {
        listen();
    }

    /** Binds the data port and starts accepting peers' streams. */
    synchronized void listen() {
        if (server == null) {
            server = DataServer.start(bindHost, port, maxMessageSize, new DataExchangeService(this));
            LOG.infof("data plane listening on %s:%d", bindHost, server.port());
        }
    }

    /** The data port actually bound (the configured one, or the ephemeral one for port 0); empty before start. */
    public OptionalInt boundPort() {
        DataServer current = server;
        return current == null ? OptionalInt.empty() : OptionalInt.of(current.port());
    }

    @Override
    public void openOutbound(ChannelKey key, OutboundChannel outbound, String dataAddress) {
        new OutboundTransfer(key, outbound, dataAddress, peers.stub(dataAddress), transfers).start();
    }

    @Override
    public void registerInbound(ChannelKey key, InboundChannel inbound) {
        registry.register(key, inbound);
    }

    @Override
    public void releaseAttempt(String jobId, long attempt) {
        AttemptRef ref = new AttemptRef(jobId, attempt);
        registry.release(ref);
        var released = transfers.removeAll(ref);
        released.forEach(Transfers.Releasable::release);
        LOG.debugf("job=%s attempt=%d: data plane released %d streams", jobId, attempt, released.size());
    }

    /** A new Transfer stream from a producer on another worker (called by the gRPC service). */
    StreamObserver<DataFrame> accept(StreamObserver<CreditGrant> credits) {
        return new InboundTransfer(credits, registry, transfers);
    }

    /** Streams open in either direction (tests, diagnostics). */
    public int openStreams() {
        return transfers.count();
    }

    /** Consumer ends registered or awaited and not yet connected (tests, diagnostics). */
    public int pendingInbound() {
        return registry.size();
    }

    void stop(@Observes ShutdownEvent event) {
        close();
    }

    /** Stops every stream, closes the connections to peers and the data port. */
    void close() {
        transfers.removeAll().forEach(Transfers.Releasable::release);
        peers.close();
        DataServer current;
        synchronized (this) {
            current = server;
            server = null;
        }
        if (current != null) {
            current.close();
        }
    }
}
