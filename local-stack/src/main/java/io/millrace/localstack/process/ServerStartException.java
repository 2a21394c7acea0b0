package io.millrace.localstack.process;

/**
 * A server could not be started. The message says which server, why, where its log is and what to do about it;
 * callers show the message, not the stack trace.
 */
public class ServerStartException extends RuntimeException {

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
