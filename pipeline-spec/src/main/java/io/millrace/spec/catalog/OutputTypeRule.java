package io.millrace.spec.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.spec.expr.RecordType;

/**
 * What a source connector declares about the records it emits, possibly depending on its settings
 * (datagen with {@code generator: nexmark} emits Nexmark events; with field specs, records of those
 * fields). The validator's type flow starts from it, so expressions downstream are type-checked.
 *
 * <p>Implementations get the node as written, before the settings are validated: they must not
 * throw, and answer {@link RecordType#dynamicRecord()} for anything they do not recognise (a
 * broken setting is reported elsewhere).
 */
@FunctionalInterface
public interface OutputTypeRule {

  /** The record type of the node's output. */
  RecordType outputType(JsonNode node);

  /** The node's own {@code schema} when it declares one, else dynamic: Kafka, HTTP, and the default. */
  static OutputTypeRule declaredSchemaOrDynamic() {
    return node -> RecordSchemas.declared(node.path("schema")).orElse(RecordType.dynamicRecord());
  }
}
