package io.millrace.cli.api;

import java.util.Optional;

/** A successful answer: its status, body text and the headers the CLI uses. */
public record ApiResponse(int status, String body, Optional<String> etag, Optional<String> contentType) {
}
