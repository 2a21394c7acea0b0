package io.millrace.spec.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON form of a {@link PhysicalPlan}: what the control plane sends to workers. Plain Jackson
 * over the plan records, so a worker reads it with this library alone (no Quarkus, no generated
 * code). The top-level {@code planVersion} is checked first: a reader refuses versions it does
 * not know rather than guessing; unknown fields are ignored so additive changes need no bump.
 * See docs/plan.md for the format.
 */
public final class PlanCodec {

  private final ObjectMapper mapper;

  public PlanCodec() {
    // Configured once and then only read: safe to share between threads.
    this.mapper = JsonMapper.builder()
        .enable(DeserializationFeature.USE_LONG_FOR_INTS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();
  }

  public String toJson(PhysicalPlan plan) {
    try {
      return mapper.writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      // Plans hold only strings, numbers, lists and maps: failing here is a bug, not bad input.
      throw new IllegalStateException("cannot serialize plan " + plan.graph().name(), e);
    }
  }

  public PhysicalPlan fromJson(String json) throws PlanFormatException {
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new PlanFormatException("plan is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new PlanFormatException("plan must be a JSON object", null);
    }
    JsonNode version = tree.get("planVersion");
    if (version == null || !version.canConvertToInt() || version.intValue() != PhysicalPlan.CURRENT_VERSION) {
      throw new PlanFormatException("unsupported planVersion " + version + "; this reader knows "
          + PhysicalPlan.CURRENT_VERSION, null);
    }
    try {
      return mapper.treeToValue(tree, PhysicalPlan.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PlanFormatException("plan does not match planVersion "
          + PhysicalPlan.CURRENT_VERSION + ": " + e.getMessage(), e);
    }
  }
}
