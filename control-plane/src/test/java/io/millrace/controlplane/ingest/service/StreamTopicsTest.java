package io.millrace.controlplane.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamTopicsTest {

    @Test
    void theTopicCarriesTheTenantPrefix() {
        assertThat(StreamTopics.topicOf("acme", "clicks")).isEqualTo("acme.stream.clicks");
    }

    @Test
    void streamNamesAreIdsSoTheyCannotClimbOutOfThePrefix() {
        for (String bad : new String[] {"Clicks", "a.b", "../x", "", "1x", "x".repeat(64)}) {
            assertThatThrownBy(() -> StreamTopics.topicOf("acme", bad)).isInstanceOf(IngestException.class)
                    .hasMessageContaining("stream name");
        }
    }
}
