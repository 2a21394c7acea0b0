package io.millrace.controlplane.preview.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.spec.parse.Format;
import java.util.List;
import java.util.Map;

/**
 * A preview as asked: the spec text (format null: detected, JSON when it starts with '{'), sample records per source
 * node, and optional limits (null: the configured defaults).
 */
public record PreviewCommand(String spec, Format format, Map<String, List<JsonNode>> samples, Integer maxRecordsPerNode,
        Integer timeLimitMs) {
}
