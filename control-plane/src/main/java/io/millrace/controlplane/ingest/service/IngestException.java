package io.millrace.controlplane.ingest.service;

/** An ingest request that wrote nothing (or not everything, {@link Kind#UNAVAILABLE}); the message says how to fix it. */
public final class IngestException extends RuntimeException {

    /** What the caller gets: 400, 413, 403 or 503. */
    public enum Kind {
        INVALID, TOO_LARGE, FORBIDDEN, UNAVAILABLE
    }

    private final Kind kind;

    public IngestException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public IngestException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
