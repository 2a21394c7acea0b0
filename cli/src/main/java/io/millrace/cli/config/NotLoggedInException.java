package io.millrace.cli.config;

/** No URL or token from the config file or the environment: a usage error, with how to fix it. */
public class NotLoggedInException extends RuntimeException {

    public NotLoggedInException(String message) {
        super(message, null, false, false);
    }
}
