package io.millrace.spec.parse;

import com.fasterxml.jackson.databind.JsonNode;

/** A document's tree, where each of its values came from, and the original text. */
public record ParsedDocument(JsonNode root, SourceMap sourceMap, String text, Format format) {}
