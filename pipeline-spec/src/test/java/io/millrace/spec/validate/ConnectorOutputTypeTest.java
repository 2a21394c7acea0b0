package io.millrace.spec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.spec.catalog.BuiltinConnectors;
import io.millrace.spec.catalog.Catalog;
import io.millrace.spec.catalog.ConnectorDescriptor;
import io.millrace.spec.catalog.ConnectorProvider;
import io.millrace.spec.catalog.NexmarkRecords;
import io.millrace.spec.catalog.NodeRole;
import io.millrace.spec.catalog.SettingType;
import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import io.millrace.spec.parse.Format;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sources are typed by what their connector declares: Nexmark events, datagen field specs, a schema. */
class ConnectorOutputTypeTest {

  private static final PipelineValidator VALIDATOR = PipelineValidator.standard();

  private static String pipeline(String source, String filter) {
    return """
        apiVersion: millrace.io/v1
        kind: Pipeline
        metadata: {name: typed}
        spec:
          nodes:
            - %s
            - {id: keep, type: filter, inputs: [src], expression: "%s"}
            - {id: out, type: kafka-sink, inputs: [keep], topic: out}
        """.formatted(source, filter);
  }

  private static RecordType typeOfSource(String source) {
    ValidationResult result = VALIDATOR.validate(pipeline(source, "true"), Format.YAML);
    assertThat(result.diagnostics()).isEmpty();
    return result.outputTypes().get("src");
  }

  @Test
  void nexmarkStreamsAreTypedByStream() {
    String nexmark = "{id: src, type: datagen-source, generator: nexmark, nexmark: {stream: %s}}";
    assertThat(typeOfSource(nexmark.formatted("bid"))).isEqualTo(NexmarkRecords.BID);
    assertThat(typeOfSource(nexmark.formatted("person"))).isEqualTo(NexmarkRecords.PERSON);
    assertThat(typeOfSource(nexmark.formatted("auction"))).isEqualTo(NexmarkRecords.AUCTION);
    assertThat(typeOfSource("{id: src, type: datagen-source, generator: nexmark}")).isEqualTo(NexmarkRecords.ALL);
    assertThat(NexmarkRecords.BID.fields()).containsEntry("price", FieldType.INT).containsEntry("dateTime", FieldType.TIMESTAMP);
  }

  @Test
  void datagenFieldSpecsGiveTypedFieldsAndASchemaWins() {
    RecordType fields = typeOfSource("{id: src, type: datagen-source, fields: [{name: id, kind: sequence},"
        + " {name: load, kind: random-double, min: 0, max: 1}, {name: host, kind: one-of, values: [a, b]},"
        + " {name: at, kind: timestamp}, {name: tag, kind: uuid}]}");
    assertThat(fields).isEqualTo(RecordType.of(orderedFields("id", FieldType.INT, "load", FieldType.DOUBLE,
        "host", FieldType.STRING, "at", FieldType.TIMESTAMP, "tag", FieldType.STRING)));
    assertThat(typeOfSource("{id: src, type: datagen-source, fields: [{name: id, kind: sequence}],"
        + " schema: {fields: [{name: id, type: any}]}}"))
        .isEqualTo(RecordType.of(Map.of("id", FieldType.ANY)));
  }

  @Test
  void kafkaRecordsAreTypedOnlyByTheirSchema() {
    assertThat(typeOfSource("{id: src, type: kafka-source, topic: t}")).isEqualTo(RecordType.dynamicRecord());
    assertThat(typeOfSource("{id: src, type: kafka-source, topic: t, schema: {fields: [{name: n, type: int}]}}"))
        .isEqualTo(RecordType.of(Map.of("n", FieldType.INT)));
  }

  @Test
  void aTypoInANexmarkQueryIsALocatedError() {
    ValidationResult result = VALIDATOR.validate(pipeline(
        "{id: src, type: datagen-source, generator: nexmark, nexmark: {stream: auction}}", "value.reserv > 100"), Format.YAML);
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("expression");
      assertThat(d.message()).isEqualTo("'value' has no field 'reserv'");
      assertThat(d.hint()).isEqualTo("did you mean 'reserve'?");
      assertThat(d.line()).isEqualTo(7);
    });
    // The watermark expression of a Nexmark source reads the typed events too.
    ValidationResult watermark = VALIDATOR.validate(pipeline(
        "{id: src, type: datagen-source, generator: nexmark, nexmark: {stream: bid}, watermark: {timestamp: value.datetime}}",
        "true"), Format.YAML);
    assertThat(watermark.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.hint()).isEqualTo("did you mean 'dateTime'?"));
  }

  @Test
  void theNexmarkExamplesAreTypedEndToEnd() {
    String q7 = SpecFiles.read(Path.of("examples/nexmark/q7-highest-bid.yaml"));
    ValidationResult result = VALIDATOR.validate(q7, Format.YAML);
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.outputTypes().get("bids")).isEqualTo(NexmarkRecords.BID);
    assertThat(result.outputTypes().get("highest").fields()).containsEntry("maxPrice", FieldType.INT);
  }

  @Test
  void aConnectorWhoseRuleFailsIsDynamicNotAnInternalError() {
    ConnectorProvider broken = () -> List.of(new ConnectorDescriptor("odd-source", NodeRole.SOURCE, "Odd.",
        SettingType.ObjectType.of(), List.of(), node -> {
          throw new IllegalStateException("bug in a connector module");
        }));
    PipelineValidator validator =
        new PipelineValidator(Catalog.of(List.of(new BuiltinConnectors(), broken)), new CelExpressionCompiler());
    ValidationResult result = validator.validate(pipeline("{id: src, type: odd-source}", "value.anything > 1"), Format.YAML);
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.outputTypes().get("src")).isEqualTo(RecordType.dynamicRecord());
  }

  private static Map<String, FieldType> orderedFields(Object... pairs) {
    Map<String, FieldType> fields = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put((String) pairs[i], (FieldType) pairs[i + 1]);
    }
    return fields;
  }
}
