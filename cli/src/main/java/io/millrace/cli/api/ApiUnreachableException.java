package io.millrace.cli.api;

/** No answer from the control plane: connection refused, DNS, TLS, timeout. The message names the URL. */
public class ApiUnreachableException extends RuntimeException {

    public ApiUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
