package io.millrace.spec.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.millrace.spec.parse.Format;
import io.millrace.spec.parse.ParseResult;
import io.millrace.spec.parse.SpecParser;
import io.millrace.spec.validate.PipelineValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated JSON Schema (checked by an independent validator, networknt) and our validator
 * agree on every example and every broken case. A broken case marked {@code # schema: blind} breaks
 * only rules a schema cannot express: the schema must then accept it (so the marking stays honest);
 * {@code # schema: n/a} cases are not well-formed text, which no schema sees.
 */
class SchemaAgreementTest {

  private static final PipelineValidator VALIDATOR = PipelineValidator.standard();
  private static final SpecParser PARSER = new SpecParser();
  private static final JsonSchema SCHEMA = load();

  private static JsonSchema load() {
    try {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(new ObjectMapper().readTree(PipelineSchema.published()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<ValidationMessage> schemaErrors(Path file) throws IOException {
    ParseResult parsed = PARSER.parse(Files.readString(file), Format.fromFileName(file.toString()));
    return SCHEMA.validate(parsed.document().orElseThrow().root());
  }

  @TestFactory
  Stream<DynamicTest> examplesAreValidForTheSchemaToo() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      List<Path> examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      return examples.stream().map(file -> DynamicTest.dynamicTest(file.toString(),
          () -> assertThat(schemaErrors(file)).isEmpty()));
    }
  }

  @TestFactory
  Stream<DynamicTest> brokenCasesGetTheSameVerdictFromSchemaAndValidator() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/broken"))) {
      List<Path> cases = files.filter(p -> !p.toString().endsWith(".expect")).sorted().toList();
      return cases.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
        String text = Files.readString(file);
        String marker = Files.readString(Path.of(file.toString().replaceAll("\\.(yaml|json)$", ".expect"))).lines()
            .filter(l -> l.startsWith("# schema: ")).findFirst().orElseThrow().substring("# schema: ".length());
        assertThat(VALIDATOR.validate(text, Format.fromFileName(file.toString())).isValid()).isFalse();
        switch (marker) {
          case "agrees" -> assertThat(schemaErrors(file)).as("the schema should reject it too").isNotEmpty();
          case "blind" -> assertThat(schemaErrors(file)).as("marked blind: the schema cannot see this rule").isEmpty();
          case "n/a" -> assertThat(PARSER.parse(text, Format.fromFileName(file.toString())).document()).isEmpty();
          default -> throw new AssertionError("unknown marker " + marker);
        }
      }));
    }
  }
}
