package io.millrace.spec.expr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code json(s)}: a JSON text → CEL values (maps, lists, string, int, double, bool, null). */
final class JsonFunction {

  private final ObjectMapper mapper;
  private final int maxLength;

  JsonFunction(int maxNestingDepth, int maxLength) {
    this.maxLength = maxLength;
    var factory =
        JsonMapper.builder()
            .build()
            .getFactory()
            .setStreamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxNestingDepth)
                    .maxStringLength(maxLength)
                    .build());
    // The mapper is configured once here and only read afterwards, so sharing it is thread-safe.
    this.mapper = new ObjectMapper(factory);
  }

  Object parse(String text) throws CelEvaluationException {
    if (text.length() > maxLength) {
      throw new CelEvaluationException(
          "json: input of " + text.length() + " characters exceeds the limit of " + maxLength);
    }
    try (JsonParser parser = mapper.createParser(text)) {
      JsonNode node = mapper.readTree(parser);
      if (node == null) {
        throw new CelEvaluationException("json: empty input");
      }
      if (parser.nextToken() != null) {
        throw new CelEvaluationException("json: unexpected content after the JSON value");
      }
      return toCel(node);
    } catch (JsonProcessingException e) {
      throw new CelEvaluationException("json: invalid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException | RuntimeException e) {
      throw new CelEvaluationException("json: cannot parse: " + e.getMessage());
    }
  }

  private static Object toCel(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          var field = it.next();
          map.put(field.getKey(), toCel(field.getValue()));
        }
        return map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>(node.size());
        node.forEach(element -> list.add(toCel(element)));
        return list;
      }
      case STRING -> {
        return node.textValue();
      }
      case NUMBER -> {
        return node.isIntegralNumber() && node.canConvertToLong()
            ? (Object) node.longValue()
            : (Object) node.doubleValue();
      }
      case BOOLEAN -> {
        return node.booleanValue();
      }
      default -> {
        return NullValue.NULL_VALUE;
      }
    }
  }

}
