package io.millrace.controlplane.job.service;

/** An operation on a job that cannot be done; the message says what, why and how to fix it (shown to the caller). */
public final class JobOperationException extends RuntimeException {

    public enum Kind {
        /** No such job for this tenant (also when it belongs to another tenant). */
        NOT_FOUND,
        /** The request is malformed or the spec is invalid. */
        INVALID,
        /** The job's state does not allow it now. */
        CONFLICT
    }

    private final Kind kind;

    public JobOperationException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
