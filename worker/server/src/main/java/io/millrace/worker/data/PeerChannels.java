package io.millrace.worker.data;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.millrace.protocol.v1.DataExchangeGrpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One gRPC channel (one HTTP/2 connection) per peer worker, shared by every stream to that peer and reused across
 * attempts: opening a connection per data channel would cost a handshake each and many sockets.
 */
final class PeerChannels implements AutoCloseable {

    /**
     * Idle connections are pinged this often: a peer host that vanished without closing its sockets (power loss, a
     * network partition) then fails its channels within about this time plus {@link #KEEPALIVE_TIMEOUT} instead of
     * waiting for TCP's retransmission timeout. A {@code kill -9}ed peer closes its sockets through the kernel and is
     * noticed at once.
     */
    static final Duration KEEPALIVE_TIME = Duration.ofSeconds(10);
    static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(5);

    private final int maxMessageSize;
    private final Map<String, ManagedChannel> channels = new HashMap<>();

    PeerChannels(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    synchronized DataExchangeGrpc.DataExchangeStub stub(String address) {
        ManagedChannel channel = channels.computeIfAbsent(address, this::open);
        return DataExchangeGrpc.newStub(channel);
    }

    private ManagedChannel open(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("data address '" + address + "' is not host:port");
        }
        String host = address.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("data address '" + address + "' has no numeric port", e);
        }
        return NettyChannelBuilder.forAddress(host, port)
                .usePlaintext()
                // Only credit grants come back, but a peer's error details may be long: same limit both ways.
                .maxInboundMessageSize(maxMessageSize)
                .keepAliveTime(KEEPALIVE_TIME.toSeconds(), TimeUnit.SECONDS)
                .keepAliveTimeout(KEEPALIVE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .keepAliveWithoutCalls(true)
                .build();
    }

    @Override
    public void close() {
        List<ManagedChannel> all;
        synchronized (this) {
            all = new ArrayList<>(channels.values());
            channels.clear();
        }
        for (ManagedChannel channel : all) {
            channel.shutdownNow();
        }
        for (ManagedChannel channel : all) {
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
