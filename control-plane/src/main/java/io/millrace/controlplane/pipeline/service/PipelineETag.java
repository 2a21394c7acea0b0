package io.millrace.controlplane.pipeline.service;

import io.millrace.controlplane.pipeline.persistence.PipelineEntity;
import java.util.Arrays;

/**
 * The strong ETag of a pipeline: its id and row version. The id keeps the tag of a deleted pipeline from matching
 * a new one of the same name; the row version changes exactly when a version is added.
 */
public final class PipelineETag {

    private PipelineETag() {
    }

    public static String of(PipelineEntity pipeline) {
        return "\"" + pipeline.id() + "." + pipeline.rowVersion() + "\"";
    }

    /**
     * Whether an {@code If-Match} header value allows a write to the pipeline whose tag is {@code current}: absent
     * means unconditional; {@code *} matches any existing pipeline; else one of the listed tags must be equal (weak
     * tags never match: RFC 9110 compares If-Match strongly).
     */
    public static boolean matches(String ifMatch, String current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return true;
        }
        if (current == null) {
            return false;
        }
        return Arrays.stream(ifMatch.split(",")).map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
    }
}
