package io.millrace.localstack;

import io.millrace.localstack.process.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running S3-compatible object store (S3Mock). Clients must use path-style access and {@link #endpoint()} as the
 * endpoint override. Any credentials are accepted; the ones here are dummies for SDKs that insist on some.
 */
public final class S3Server implements AutoCloseable {

    private static final String REGION = "us-east-1";

    private final ServerProcess process;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    S3Server(ServerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String region() {
        return REGION;
    }

    public String accessKeyId() {
        return "millrace-local";
    }

    public String secretAccessKey() {
        return "millrace-local-secret";
    }

    public Path logFile() {
        return process.logFile();
    }

    /** The S3Mock JVM's process id. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        process.stop(Duration.ofSeconds(20));
    }

    @Override
    public String toString() {
        return "S3Server[" + endpoint() + ", pid " + pid() + "]";
    }
}
