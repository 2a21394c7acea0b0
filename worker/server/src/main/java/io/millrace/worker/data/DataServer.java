package io.millrace.worker.data;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The worker's data port: a grpc-java Netty server that serves only {@link DataExchangeService}.
 *
 * <p>Why not the Quarkus (Vert.x) HTTP server, as before protocol 1.3's first cut did: under concurrent stream
 * opening the Vert.x HTTP/2 server answered a fresh connection's streams with GOAWAY PROTOCOL_ERROR ("Request stream
 * N is not correct for server connection") about once in six CI runs, and it does not report a peer killed with
 * {@code kill -9} as a closed stream. The client side was grpc-java Netty already; grpc-java on both ends is the
 * pairing gRPC itself tests, and it keeps bulk data off the port that serves health checks and metrics.
 */
final class DataServer implements AutoCloseable {

    private final Server server;

    private DataServer(Server server) {
        this.server = server;
    }

    /** Binds {@code host:port} (port 0: an ephemeral port, see {@link #port()}) and starts serving. */
    static DataServer start(String host, int port, int maxMessageSize, DataExchangeService service) {
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
                .addService(service)
                .maxInboundMessageSize(maxMessageSize)
                // Peers send keepalive pings on idle connections (PeerChannels); accept them rather than GOAWAY.
                .permitKeepAliveTime(PeerChannels.KEEPALIVE_TIME.toSeconds(), TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the data port " + host + ":" + port
                    + " (millrace.worker.data.bind-host / millrace.worker.data.port): " + e.getMessage(), e);
        }
        return new DataServer(server);
    }

    /** The port actually bound. */
    int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
