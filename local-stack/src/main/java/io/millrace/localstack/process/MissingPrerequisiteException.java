package io.millrace.localstack.process;

/**
 * Something a server needs (binaries, a JDK, a Maven artifact) is not on this machine. Thrown before any process is
 * started; the message names what is missing, where it was looked for and how to install it.
 */
public final class MissingPrerequisiteException extends ServerStartException {

    public MissingPrerequisiteException(String message) {
        super(message);
    }
}
