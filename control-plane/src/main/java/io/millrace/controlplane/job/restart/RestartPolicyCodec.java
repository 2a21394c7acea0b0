package io.millrace.controlplane.job.restart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.spec.model.RestartStrategySpec;

/** {@link RestartPolicy} ⇄ the JSON kept in {@code job.restart_strategy}, and from a spec's restart strategy. */
public final class RestartPolicyCodec {

    private final ObjectMapper mapper = new ObjectMapper();

    public String toJson(RestartPolicy policy) {
        try {
            return mapper.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode restart policy " + policy, e);
        }
    }

    public RestartPolicy fromJson(String json) {
        try {
            return mapper.readValue(json, RestartPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("restart policy is not valid JSON of a known type: "
                    + e.getOriginalMessage());
        }
    }

    public static RestartPolicy fromSpec(RestartStrategySpec spec) {
        return RestartPolicy.fromSpec(spec);
    }
}
