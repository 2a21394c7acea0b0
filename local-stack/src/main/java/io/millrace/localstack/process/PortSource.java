package io.millrace.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where a launcher gets the TCP ports of its server from.
 *
 * <p>Injectable so that a test can hand out a port it occupies first and prove that the launcher retries on another
 * one. A port from {@link #free()} is only free at the moment it is returned: another process may take it before the
 * server binds it, which is why launchers retry on a bind failure.
 */
@FunctionalInterface
public interface PortSource {

    /** Returns a port to try next. */
    int nextPort();

    /** Ports the operating system reports free on 127.0.0.1 right now. */
    static PortSource free() {
        return () -> {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not find a free TCP port on 127.0.0.1", e);
            }
        };
    }

    /**
     * The given ports first, in order, then free ones. A port given as 0 is replaced by a free one: launchers use this
     * for a configured port ({@code 0} meaning "any").
     */
    static PortSource firstThen(List<Integer> firstPorts, PortSource then) {
        Deque<Integer> pending = new ArrayDeque<>(firstPorts);
        return () -> {
            synchronized (pending) {
                Integer next = pending.pollFirst();
                if (next != null && next != 0) {
                    return next;
                }
            }
            return then.nextPort();
        };
    }
}
