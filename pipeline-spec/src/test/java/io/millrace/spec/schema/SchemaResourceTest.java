package io.millrace.spec.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.spec.catalog.BuiltinConnectors;
import io.millrace.spec.catalog.Catalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published schema file is generated from the catalog; this test fails when it is stale.
 * Regenerate with {@code mvn -pl pipeline-spec test -Dtest=SchemaResourceTest -Dmillrace.schema.update=true}.
 */
class SchemaResourceTest {

  static final Path SOURCE_FILE = Path.of("src/main/resources", PipelineSchema.RESOURCE);

  @Test
  void publishedSchemaIsTheOneGeneratedFromTheCatalog() throws Exception {
    String generated = PipelineSchema.generate(Catalog.of(List.of(new BuiltinConnectors())));
    if (Boolean.getBoolean("millrace.schema.update")) {
      Files.writeString(SOURCE_FILE, generated, StandardCharsets.UTF_8);
      return; // the class path copy is refreshed by the next build
    }
    assertThat(Files.readString(SOURCE_FILE, StandardCharsets.UTF_8))
        .as("%s is stale: regenerate it with mvn -pl pipeline-spec test -Dtest=SchemaResourceTest -Dmillrace.schema.update=true", SOURCE_FILE)
        .isEqualTo(generated);
    assertThat(PipelineSchema.published()).isEqualTo(generated);
  }

  @Test
  void everyNodeKindHasAClosedDefinitionWithDescriptionsDefaultsAndExamples() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(PipelineSchema.published());
    assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    Catalog catalog = Catalog.of(List.of(new BuiltinConnectors()));
    assertThat(catalog.kinds()).hasSizeGreaterThanOrEqualTo(14);
    for (var kind : catalog.kinds()) {
      JsonNode def = schema.path("$defs").path("node-" + kind.name());
      assertThat(def.path("additionalProperties").asBoolean(true)).as(kind.name()).isFalse();
      assertThat(def.path("x-millrace-role").asText()).isEqualTo(kind.role().label());
      def.path("properties").fields().forEachRemaining(p ->
          assertThat(p.getValue().path("description").asText()).as(kind.name() + "." + p.getKey()).isNotBlank());
    }
    JsonNode sink = schema.path("$defs").path("node-kafka-sink").path("properties");
    assertThat(sink.path("delivery").path("default").asText()).isEqualTo("exactly-once");
    assertThat(sink.path("topic").path("examples").get(0).asText()).isEqualTo("alerts");
    assertThat(schema.path("$defs").path("node").path("allOf")).hasSize(catalog.kinds().size());
  }
}
