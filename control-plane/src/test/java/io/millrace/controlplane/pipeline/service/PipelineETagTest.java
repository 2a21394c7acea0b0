package io.millrace.controlplane.pipeline.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PipelineETagTest {

    private static final String CURRENT = "\"5f0c.3\"";

    @Test
    void ifMatchRules() {
        assertThat(PipelineETag.matches(null, CURRENT)).as("no If-Match: unconditional").isTrue();
        assertThat(PipelineETag.matches(CURRENT, CURRENT)).isTrue();
        assertThat(PipelineETag.matches("\"other\", " + CURRENT, CURRENT)).as("one of a list").isTrue();
        assertThat(PipelineETag.matches("*", CURRENT)).isTrue();
        assertThat(PipelineETag.matches("\"5f0c.2\"", CURRENT)).as("stale").isFalse();
        assertThat(PipelineETag.matches("W/" + CURRENT, CURRENT)).as("weak tags never match If-Match").isFalse();
        assertThat(PipelineETag.matches("*", null)).as("nothing exists to match").isFalse();
    }
}
