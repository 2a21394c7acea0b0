package io.millrace.controlplane.job.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Dropped states as stored in a row ({@code job.restore_dropped_states}, {@code pipeline_upgrade.dropped_states}). */
public final class DroppedStatesCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<DroppedStateRef>> LIST = new TypeReference<>() {
    };

    private DroppedStatesCodec() {
    }

    /** JSON array of {@code {nodeId, stateName}}; never null. */
    public static String toJson(List<DroppedStateRef> states) {
        try {
            return JSON.writeValueAsString(states == null ? List.of() : states);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dropped states cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Null or blank: nothing dropped. */
    public static List<DroppedStateRef> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dropped states are not readable: " + e.getMessage(), e);
        }
    }
}
