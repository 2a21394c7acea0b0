package io.millrace.cli.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One located problem of a request, as the API reports it; every part may be absent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldError(String field, String pointer, Integer line, Integer column, String message) {
}
