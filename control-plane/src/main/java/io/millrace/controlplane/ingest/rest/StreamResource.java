package io.millrace.controlplane.ingest.rest;

import io.millrace.controlplane.ingest.config.IngestConfig;
import io.millrace.controlplane.ingest.service.BodyFormat;
import io.millrace.controlplane.ingest.service.IngestException;
import io.millrace.controlplane.ingest.service.IngestResult;
import io.millrace.controlplane.ingest.service.StreamIngest;
import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Records for the caller's tenant's streams (tenant from {@link CallerContext}; editors and API tokens with the
 * write scope): written to
 * {@code <tenant>.stream.<stream>}, where pipelines read them with an {@code http-source} node. There is no way to
 * name another tenant's topic: the prefix comes from the token, never from the request.
 */
@Path("/api/v1/streams/{stream}/records")
@Tag(name = "Streams")
@Authenticated
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class StreamResource {

    private final StreamIngest ingest;
    private final IngestConfig config;
    private final CallerContext callers;

    public StreamResource(StreamIngest ingest, IngestConfig config, CallerContext callers) {
        this.ingest = ingest;
        this.config = config;
        this.callers = callers;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, BodyFormat.NDJSON_MEDIA_TYPE })
    @Operation(summary = "Write records to a stream", description = "Body: one JSON object, an array of objects, or"
            + " (application/x-ndjson) one object per line. 202 once Kafka acknowledged every record; a malformed"
            + " record answers 400 with its line and column and nothing is written; too large: 413.")
    public Response write(@PathParam("stream") String stream, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        // Writing records is an editor's job; an API token needs the write (or admin) scope to reach EDITOR.
        String tenant = callers.require(Role.EDITOR).tenantId();
        BodyFormat format = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith(BodyFormat.NDJSON_MEDIA_TYPE) ? BodyFormat.NDJSON : BodyFormat.JSON;
        IngestResult result = ingest.ingest(tenant, stream, readBounded(body), format);
        return Response.accepted(IngestResponse.from(result)).build();
    }

    /** Reads at most one byte over the limit, so an oversize body is refused without being held in memory whole. */
    private byte[] readBounded(InputStream body) {
        long limit = config.maxRequestSize();
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new IngestException(IngestException.Kind.TOO_LARGE, "the body is over the limit of " + limit
                        + " bytes (millrace.ingest.max-request-size); send fewer records per request");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body", e);
        }
    }
}
