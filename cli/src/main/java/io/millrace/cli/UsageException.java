package io.millrace.cli;

/** The command cannot run as given (unreadable spec file, contradictory options): exit code 2, no stack trace. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
