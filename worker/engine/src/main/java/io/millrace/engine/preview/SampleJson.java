package io.millrace.engine.preview;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sample records in and captured records out, as JSON, in the engine's record model: objects as {@code
 * Map<String,Object>} in document order, integers as {@code Long} (beyond the long range as {@code Double}), other
 * numbers as {@code Double}, arrays as lists — the same model a {@code format: json} Kafka source produces, so a
 * sample behaves like the message it stands for. Out: timestamps as ISO-8601 strings, durations as ISO-8601
 * durations, bytes as base64, anything else unknown by its {@code toString()}.
 */
public final class SampleJson {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private SampleJson() {}

  /**
   * One sample document as a record value.
   *
   * @throws PreviewException naming the node, the record index and the position of the syntax error
   */
  public static Object decode(String nodeId, int index, String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw bad(nodeId, index, "it is empty; give one JSON document per record");
      }
      Object value = read(parser, first);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw bad(nodeId, index, "unexpected data after the document at " + at(parser.currentTokenLocation()));
      }
      return value;
    } catch (JsonProcessingException e) {
      throw bad(nodeId, index, "malformed JSON at " + at(e.getLocation()) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw bad(nodeId, index, e.getMessage());
    }
  }

  /** A record value as JSON. */
  public static String encode(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          map.put(name, read(parser, parser.nextToken()));
        }
        yield map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          list.add(read(parser, next));
        }
        yield list;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? parser.getBigIntegerValue().doubleValue() : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new JsonProcessingException("unexpected token " + token, parser.currentTokenLocation()) { };
    };
  }

  private static void write(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName(String.valueOf(entry.getKey()));
        write(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object element : list) {
        write(generator, element);
      }
      generator.writeEndArray();
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      generator.writeString(d.toString()); // JSON has no NaN / Infinity
    } else if (value instanceof Number number) {
      generator.writeNumber(number.doubleValue());
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof Instant instant) {
      generator.writeString(instant.toString());
    } else if (value instanceof Duration duration) {
      generator.writeString(duration.toString());
    } else if (value instanceof byte[] bytes) {
      generator.writeString(Base64.getEncoder().encodeToString(bytes));
    } else {
      generator.writeString(value.toString());
    }
  }

  private static PreviewException bad(String nodeId, int index, String why) {
    return new PreviewException(nodeId, "sample record " + index + " of node '" + nodeId + "': " + why);
  }

  private static String at(JsonLocation location) {
    return location == null ? "an unknown position"
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
