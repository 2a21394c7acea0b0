package io.millrace.spec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static List<JsonNode> samples(String... json) throws Exception {
    List<JsonNode> nodes = new java.util.ArrayList<>();
    for (String text : json) {
      nodes.add(JSON.readTree(text));
    }
    return nodes;
  }

  @Test
  void infersEachFieldsTypeInFirstSeenOrder() throws Exception {
    SchemaInference.Inferred inferred = SchemaInference.infer(samples(
        "{\"user\": \"ann\", \"amount\": 3, \"price\": 1.5, \"vip\": true, \"tags\": [\"a\"], \"meta\": {\"k\": 1}}",
        "{\"user\": \"bob\", \"amount\": 4, \"price\": 2, \"vip\": false, \"tags\": [], \"meta\": {}}"));

    assertThat(inferred.fields()).containsExactly(
        new SchemaInference.Field("user", "string"), new SchemaInference.Field("amount", "int"),
        new SchemaInference.Field("price", "double"), new SchemaInference.Field("vip", "bool"),
        new SchemaInference.Field("tags", "list"), new SchemaInference.Field("meta", "map"));
    assertThat(inferred.notes()).isEmpty();
  }

  @Test
  void theInferredSchemaIsOneTheSpecReadsBack() throws Exception {
    SchemaInference.Inferred inferred = SchemaInference.infer(samples("{\"id\": 1, \"name\": \"x\"}"));
    JsonNode schema = JSON.valueToTree(Map.of("fields", inferred.fields()));

    RecordType declared = RecordSchemas.declared(schema).orElseThrow();

    assertThat(declared).isEqualTo(RecordType.of(Map.of("id", FieldType.INT, "name", FieldType.STRING)));
  }

  @Test
  void conflictsNullsGapsAndBadNamesAreExplained() throws Exception {
    SchemaInference.Inferred inferred = SchemaInference.infer(samples(
        "{\"a\": 1, \"b\": null, \"bad name\": 1, \"c\": 1}",
        "{\"a\": \"x\", \"b\": null}"));

    assertThat(inferred.fields()).containsExactly(new SchemaInference.Field("a", "any"),
        new SchemaInference.Field("b", "any"), new SchemaInference.Field("c", "int"));
    assertThat(inferred.notes()).anySatisfy(n -> assertThat(n).contains("'a'").contains("several types"))
        .anySatisfy(n -> assertThat(n).contains("'b' is only ever null"))
        .anySatisfy(n -> assertThat(n).contains("'bad name' is left out"))
        .anySatisfy(n -> assertThat(n).contains("'c' is missing in 1 of 2"));
  }

  @Test
  void aSampleThatIsNoObjectIsRefusedByIndex() throws Exception {
    assertThatThrownBy(() -> SchemaInference.infer(samples("{\"a\": 1}", "[1, 2]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample 1 is an array");
  }
}
