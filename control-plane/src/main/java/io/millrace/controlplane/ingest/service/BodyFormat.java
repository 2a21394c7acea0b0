package io.millrace.controlplane.ingest.service;

/** How a request body holds its records. */
public enum BodyFormat {
    /** {@code application/json}: one JSON object, or an array of objects. */
    JSON,
    /** {@code application/x-ndjson}: one JSON object per line; blank lines are skipped. */
    NDJSON;

    public static final String NDJSON_MEDIA_TYPE = "application/x-ndjson";
}
