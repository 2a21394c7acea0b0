package io.millrace.controlplane.security.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/tokens}. Send {@code expiresAt} or {@code ttlDays}, or neither for the default. */
@Schema(name = "TokenRequest")
public record TokenRequest(
        @Schema(required = true, maxLength = 100) String name,
        @Schema(required = true, description = "read, write and/or admin; at most what your role allows")
        List<String> scopes,
        @Schema(description = "ISO-8601 instant, in the future") Instant expiresAt,
        @Schema(description = "Lifetime in days") Integer ttlDays) {
}
