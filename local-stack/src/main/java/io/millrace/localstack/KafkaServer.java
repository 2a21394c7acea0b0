package io.millrace.localstack;

import io.millrace.localstack.process.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** A running single-node Kafka (KRaft) broker. {@link #close()} stops its JVM and deletes temporary data. */
public final class KafkaServer implements AutoCloseable {

    private final ServerProcess process;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    KafkaServer(ServerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** The broker JVM's process id. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        process.stop(Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return "KafkaServer[" + bootstrapServers() + ", pid " + pid() + "]";
    }
}
