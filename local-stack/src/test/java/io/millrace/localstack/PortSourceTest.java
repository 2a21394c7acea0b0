package io.millrace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.localstack.process.PortSource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortSourceTest {

    @Test
    void givenPortsComeFirstThenTheFallback() {
        int[] fallback = {40000};
        PortSource ports = PortSource.firstThen(List.of(1234, 5678), () -> fallback[0]++);
        assertThat(ports.nextPort()).isEqualTo(1234);
        assertThat(ports.nextPort()).isEqualTo(5678);
        assertThat(ports.nextPort()).isEqualTo(40000);
        assertThat(ports.nextPort()).isEqualTo(40001);
    }

    @Test
    void aConfiguredZeroMeansAnyPort() {
        PortSource ports = PortSource.firstThen(List.of(0), () -> 40100);
        assertThat(ports.nextPort()).isEqualTo(40100);
    }

    @Test
    void freePortsCanBeBoundOnLoopback() throws Exception {
        int port = PortSource.free().nextPort();
        assertThat(port).isBetween(1, 65535);
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
