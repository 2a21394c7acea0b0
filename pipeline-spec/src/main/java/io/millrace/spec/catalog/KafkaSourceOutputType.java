package io.millrace.spec.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The records {@code kafka-source} emits: the declared {@code schema} (else dynamic); with
 * {@code includeMetadata: true}, an envelope {@code {value, key, headers, topic, partition, offset,
 * timestamp}} whose {@code value} is the decoded message (any), {@code key} the message key as UTF-8
 * text, {@code headers} a map from header name to UTF-8 text. The engine has no metadata channel
 * beside the record value, so the metadata travels inside it (opt-in, to keep plain records plain).
 */
final class KafkaSourceOutputType implements OutputTypeRule {

  @Override
  public RecordType outputType(JsonNode node) {
    if (!node.path("includeMetadata").asBoolean(false)) {
      return RecordSchemas.declared(node.path("schema")).orElse(RecordType.dynamicRecord());
    }
    Map<String, FieldType> fields = new LinkedHashMap<>();
    fields.put("value", FieldType.ANY);
    fields.put("key", FieldType.STRING);
    fields.put("headers", FieldType.MAP);
    fields.put("topic", FieldType.STRING);
    fields.put("partition", FieldType.INT);
    fields.put("offset", FieldType.INT);
    fields.put("timestamp", FieldType.TIMESTAMP);
    return RecordType.of(fields);
  }
}
