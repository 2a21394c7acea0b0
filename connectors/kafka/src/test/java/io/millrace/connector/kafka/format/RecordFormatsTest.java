package io.millrace.connector.kafka.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.connector.kafka.format.RecordFormat.Decoded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordFormatsTest {

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Object value(Decoded decoded) {
    assertThat(decoded).isInstanceOf(Decoded.Value.class);
    return ((Decoded.Value) decoded).value();
  }

  static String reason(Decoded decoded) {
    assertThat(decoded).isInstanceOf(Decoded.Malformed.class);
    return ((Decoded.Malformed) decoded).reason();
  }

  @Test
  void jsonObjectBecomesARecordModelMapInDocumentOrder() {
    Object v = value(JsonFormat.INSTANCE.decode(utf8(
        "{\"z\":1,\"a\":2.5,\"s\":\"x\",\"b\":true,\"n\":null,\"l\":[1,{\"k\":\"v\"}],\"big\":123456789012345678901234}")));
    assertThat(v).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) v;
    assertThat(map.keySet()).containsExactly("z", "a", "s", "b", "n", "l", "big");
    assertThat(map.get("z")).isEqualTo(1L);
    assertThat(map.get("a")).isEqualTo(2.5);
    assertThat(map.get("s")).isEqualTo("x");
    assertThat(map.get("b")).isEqualTo(true);
    assertThat(map.containsKey("n")).isTrue();
    assertThat(map.get("n")).isNull();
    assertThat(map.get("l")).isEqualTo(List.of(1L, Map.of("k", "v")));
    assertThat(map.get("big")).isEqualTo(1.2345678901234568e23);
  }

  @Test
  void malformedJsonSaysWhereAndWhy() {
    assertThat(reason(JsonFormat.INSTANCE.decode(utf8("{\"a\": 1,\n \"b\": x}"))))
        .startsWith("format json: malformed JSON at line 2, column")
        .contains("Unrecognized token 'x'");
    assertThat(reason(JsonFormat.INSTANCE.decode(utf8("{\"a\": 1"))))
        .contains("malformed JSON").contains("end-of-input");
    assertThat(reason(JsonFormat.INSTANCE.decode(utf8("[1, 2]")))).isEqualTo("format json: expected a JSON object, found an array");
    assertThat(reason(JsonFormat.INSTANCE.decode(utf8("42")))).isEqualTo("format json: expected a JSON object, found a number");
    assertThat(reason(JsonFormat.INSTANCE.decode(utf8("{} {}")))).contains("unexpected another object after the object");
    assertThat(reason(JsonFormat.INSTANCE.decode(utf8("{\"a\":1,\"a\":2}")))).contains("Duplicate field 'a'");
    assertThat(reason(JsonFormat.INSTANCE.decode(utf8("")))).contains("empty");
    assertThat(reason(JsonFormat.INSTANCE.decode(null))).contains("no value");
  }

  @Test
  void jsonEncodesTheRecordModelAndRoundTrips() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("id", 7L);
    record.put("price", 1.5);
    record.put("at", Instant.parse("2024-03-01T10:15:30Z"));
    record.put("raw", new byte[] {1, 2});
    record.put("tags", List.of("a", "b"));
    record.put("none", null);
    String json = new String(JsonFormat.INSTANCE.encode(record), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo(
        "{\"id\":7,\"price\":1.5,\"at\":\"2024-03-01T10:15:30Z\",\"raw\":\"AQI=\",\"tags\":[\"a\",\"b\"],\"none\":null}");
    Map<?, ?> back = (Map<?, ?>) value(JsonFormat.INSTANCE.decode(utf8(json)));
    assertThat(back.get("id")).isEqualTo(7L);
    assertThat(back.get("tags")).isEqualTo(List.of("a", "b"));
    assertThatThrownBy(() -> JsonFormat.INSTANCE.encode(Map.of("x", new Object())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
  }

  @Test
  void textIsUtf8AndRefusesInvalidBytes() {
    assertThat(value(TextFormat.INSTANCE.decode(utf8("héllo wörld")))).isEqualTo("héllo wörld");
    assertThat(reason(TextFormat.INSTANCE.decode(new byte[] {(byte) 0xC3, (byte) 0x28}))).contains("not valid UTF-8");
    assertThat(value(TextFormat.INSTANCE.decode(null))).isNull();
    assertThat(TextFormat.INSTANCE.encode("a b")).isEqualTo(utf8("a b"));
    assertThat(new String(TextFormat.INSTANCE.encode(Map.of("k", 1L)), StandardCharsets.UTF_8)).isEqualTo("{\"k\":1}");
  }

  @Test
  void bytesPassThrough() {
    byte[] raw = {0, (byte) 0xFF, 3};
    assertThat((byte[]) value(BytesFormat.INSTANCE.decode(raw))).isEqualTo(raw);
    assertThat(BytesFormat.INSTANCE.encode(raw)).isEqualTo(raw);
    assertThat(BytesFormat.INSTANCE.encode("é")).isEqualTo(utf8("é"));
    assertThatThrownBy(() -> BytesFormat.INSTANCE.encode(5L)).hasMessageContaining("is a Long, not bytes");
  }

  @Test
  void formatsByName() {
    assertThat(RecordFormats.of("n", null)).isSameAs(JsonFormat.INSTANCE);
    assertThat(RecordFormats.of("n", "TEXT")).isSameAs(TextFormat.INSTANCE);
    assertThat(RecordFormats.of("n", "bytes")).isSameAs(BytesFormat.INSTANCE);
    assertThatThrownBy(() -> RecordFormats.of("in", "xml"))
        .hasMessage("node 'in': format 'xml' is not supported; use json, text, bytes or avro");
  }
}
