package io.millrace.localstack.process;

/** The server exited because one of its ports was taken between choosing the port and binding it. */
public final class PortClashException extends ServerStartException {

    public PortClashException(String message) {
        super(message);
    }
}
