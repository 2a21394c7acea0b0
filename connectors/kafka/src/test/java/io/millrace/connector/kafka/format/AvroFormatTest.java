package io.millrace.connector.kafka.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** format avro: record model ↔ binary Avro, malformed input, settings errors, the wire format's framing. */
class AvroFormatTest {

  static final String SCHEMA = """
      {"type": "record", "name": "Order", "namespace": "shop", "fields": [
        {"name": "id", "type": "long"},
        {"name": "qty", "type": "int"},
        {"name": "price", "type": "double"},
        {"name": "item", "type": "string"},
        {"name": "state", "type": {"type": "enum", "name": "State", "symbols": ["NEW", "PAID"]}},
        {"name": "raw", "type": "bytes"},
        {"name": "tags", "type": {"type": "array", "items": "string"}},
        {"name": "attrs", "type": {"type": "map", "values": "long"}},
        {"name": "note", "type": ["null", "string"], "default": null},
        {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "paid", "type": "boolean", "default": false}
      ]}
      """;

  static AvroFormat format() {
    return (AvroFormat) RecordFormats.of("kafka-sink", "out", Map.of("format", "avro", "avroSchema", SCHEMA), true);
  }

  static Map<String, Object> order() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", 42L);
    m.put("qty", 3L);
    m.put("price", 9.5);
    m.put("item", "lamp");
    m.put("state", "PAID");
    m.put("raw", new byte[] {1, 2, 3});
    m.put("tags", List.of("a", "b"));
    m.put("attrs", Map.of("w", 7L));
    m.put("note", null);
    m.put("at", Instant.parse("2024-03-01T10:15:30.123Z"));
    m.put("paid", true);
    return m;
  }

  @Test
  void recordModelRoundTripsThroughBinaryAvroWithTheModelsTypes() {
    AvroFormat avro = format();
    byte[] bytes = avro.encode(order());
    RecordFormat.Decoded decoded = avro.decode(bytes);
    assertThat(decoded).isInstanceOf(RecordFormat.Decoded.Value.class);
    Map<?, ?> value = (Map<?, ?>) ((RecordFormat.Decoded.Value) decoded).value();
    assertThat(List.copyOf(value.keySet())).isEqualTo(List.<Object>of("id", "qty", "price", "item", "state", "raw", "tags", "attrs", "note",
        "at", "paid"));
    assertThat(value.get("id")).isEqualTo(42L);
    assertThat(value.get("qty")).isEqualTo(3L); // Avro int → Long, as every integer of the record model
    assertThat(value.get("price")).isEqualTo(9.5);
    assertThat(value.get("item")).isEqualTo("lamp"); // a String, not Avro's Utf8
    assertThat(value.get("state")).isEqualTo("PAID");
    assertThat((byte[]) value.get("raw")).containsExactly(1, 2, 3);
    assertThat(value.get("tags")).isEqualTo(List.of("a", "b"));
    assertThat(value.get("attrs")).isEqualTo(Map.of("w", 7L));
    assertThat(value.get("note")).isNull();
    assertThat(value.get("at")).isEqualTo(Instant.parse("2024-03-01T10:15:30.123Z"));
    assertThat(value.get("paid")).isEqualTo(true);
  }

  @Test
  void absentFieldsWithDefaultsAreFilledAndUnionsPickTheBranchOfTheValue() {
    Map<String, Object> m = order();
    m.remove("paid");
    m.put("note", "fragile");
    Map<?, ?> value = (Map<?, ?>) ((RecordFormat.Decoded.Value) format().decode(format().encode(m))).value();
    assertThat(value.get("paid")).isEqualTo(false);
    assertThat(value.get("note")).isEqualTo("fragile");
  }

  @Test
  void aValueThatDoesNotFitTheSchemaIsRefusedWithThePathOfTheField() {
    Map<String, Object> wrongType = order();
    wrongType.put("tags", List.of("a", 5L));
    assertThatThrownBy(() -> format().encode(wrongType)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("format avro (shop.Order): field tags[1]: expected string, found a long");
    Map<String, Object> badSymbol = order();
    badSymbol.put("state", "LOST");
    assertThatThrownBy(() -> format().encode(badSymbol))
        .hasMessageContaining("field state: 'LOST' is not a symbol of enum shop.State [NEW, PAID]");
    Map<String, Object> missing = order();
    missing.remove("id");
    assertThatThrownBy(() -> format().encode(missing)).hasMessageContaining("field id: expected long, found a null");
    Map<String, Object> tooBig = order();
    tooBig.put("qty", 1L << 40);
    assertThatThrownBy(() -> format().encode(tooBig)).hasMessageContaining("out of the range of Avro int");
  }

  @Test
  void truncatedOrForeignBytesAreMalformedNeverAnException() {
    AvroFormat avro = format();
    byte[] bytes = avro.encode(order());
    assertThat(avro.decode(Arrays.copyOf(bytes, bytes.length - 4)))
        .isInstanceOfSatisfying(RecordFormat.Decoded.Malformed.class,
            m -> assertThat(m.reason()).startsWith("format avro: not a shop.Order datum: "));
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
    assertThat(avro.decode(longer)).isInstanceOfSatisfying(RecordFormat.Decoded.Malformed.class,
        m -> assertThat(m.reason()).isEqualTo("format avro: bytes left over after the shop.Order datum (message of"
            + " another schema?)"));
    assertThat(avro.decode("{\"id\": 1}".getBytes())).isInstanceOf(RecordFormat.Decoded.Malformed.class);
    assertThat(avro.decode(null)).isInstanceOf(RecordFormat.Decoded.Malformed.class);
  }

  @Test
  void settingsErrorsNameNodeAndSetting() {
    assertThatThrownBy(() -> RecordFormats.of("kafka-source", "in", Map.of("format", "avro"), false))
        .hasMessage("kafka-source node 'in': format avro needs avroSchema (the schema of the message values, JSON text)"
            + " or schemaRegistryUrl (messages in the Confluent wire format)");
    assertThatThrownBy(() -> RecordFormats.of("kafka-sink", "out",
        Map.of("format", "avro", "schemaRegistryUrl", "http://r:8081"), true))
        .hasMessageStartingWith("kafka-sink node 'out': format avro needs avroSchema");
    assertThatThrownBy(() -> RecordFormats.of("kafka-source", "in",
        Map.of("format", "avro", "avroSchema", "{\"type\": \"record\", \"name\": \"X\"}"), false))
        .hasMessageStartingWith("kafka-source node 'in': avroSchema is not a valid Avro schema: ")
        .hasMessageContaining("fields");
    assertThatThrownBy(() -> RecordFormats.of("kafka-source", "in", Map.of("avroSchema", SCHEMA), false))
        .hasMessage("kafka-source node 'in': avroSchema needs format: avro (format is json)");
    assertThatThrownBy(() -> RecordFormats.of("kafka-source", "in",
        Map.of("format", "avro", "schemaRegistryUrl", "ftp://r"), false))
        .hasMessageContaining("schemaRegistryUrl 'ftp://r' is not an http(s) URL");
  }

  @Test
  void wireFormatWithoutMagicByteIsMalformedAndAnUnreachableRegistryIsAClearFailure() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ConfluentAvroFormat wire = (ConfluentAvroFormat) RecordFormats.of("kafka-source", "in",
        Map.of("format", "avro", "schemaRegistryUrl", "http://127.0.0.1:" + closed), false);
    // framing is checked before the registry is asked
    assertThat(wire.decode("{\"id\":1}".getBytes())).isInstanceOfSatisfying(RecordFormat.Decoded.Malformed.class,
        m -> assertThat(m.reason()).isEqualTo("format avro: not in the schema registry wire format (expected magic"
            + " byte 0 and a 4-byte schema id, found first byte 0x7b)"));
    assertThat(wire.decode(new byte[] {0, 0, 1})).isInstanceOfSatisfying(RecordFormat.Decoded.Malformed.class,
        m -> assertThat(m.reason()).contains("found 3 bytes"));
    // a well-framed message needs its writer schema: a registry nobody answers for fails (not a dead letter)
    assertThatThrownBy(() -> wire.decode(new byte[] {0, 0, 0, 0, 7, 2}))
        .isInstanceOf(SchemaRegistryClient.SchemaRegistryException.class)
        .isNotInstanceOf(SchemaRegistryClient.UnknownSchemaException.class)
        .hasMessageStartingWith("schema registry http://127.0.0.1:" + closed + "/ did not answer (get schema id 7): ")
        .hasMessageEndingWith("check schemaRegistryUrl and that the registry is reachable from the worker");
  }
}
