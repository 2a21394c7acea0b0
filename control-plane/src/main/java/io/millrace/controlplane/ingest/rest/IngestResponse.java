package io.millrace.controlplane.ingest.rest;

import io.millrace.controlplane.ingest.service.IngestResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an accepted write: every one of {@code accepted} records is acknowledged by Kafka. */
@Schema(name = "IngestResponse")
public record IngestResponse(String stream, String topic, int accepted) {

    static IngestResponse from(IngestResult result) {
        return new IngestResponse(result.stream(), result.topic(), result.accepted());
    }
}
