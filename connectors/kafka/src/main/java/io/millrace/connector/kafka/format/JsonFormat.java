package io.millrace.connector.kafka.format;

import io.millrace.engine.serialization.JsonRecordWriter;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message is one JSON object; the record value is a {@code Map<String, Object>} in the record
 * model: integers as {@code Long} (beyond the long range as {@code Double}), other numbers as
 * {@code Double}, arrays as lists, objects as maps in document order. Anything else — a syntax error,
 * trailing data, a duplicate key, an array or scalar at the top, a message without value — is
 * malformed, with the line, column and cause. Streaming (no tree), since it runs once per message.
 */
public final class JsonFormat implements RecordFormat {

  public static final JsonFormat INSTANCE = new JsonFormat();

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JsonFormat() {}

  @Override
  public String name() {
    return "json";
  }

  @Override
  public Decoded decode(byte[] payload) {
    if (payload == null) {
      return new Decoded.Malformed("format json: the message has no value (a tombstone?); expected a JSON object");
    }
    try (JsonParser parser = FACTORY.createParser(payload)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new Decoded.Malformed("format json: the message is empty; expected a JSON object");
      }
      if (first != JsonToken.START_OBJECT) {
        return new Decoded.Malformed("format json: expected a JSON object, found " + describe(first));
      }
      Map<String, Object> value = readObject(parser);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        return new Decoded.Malformed("format json: unexpected " + describe(trailing) + " after the object at "
            + at(parser.currentTokenLocation()));
      }
      return new Decoded.Value(value);
    } catch (JsonProcessingException e) {
      return new Decoded.Malformed("format json: malformed JSON at " + at(e.getLocation()) + ": "
          + e.getOriginalMessage());
    } catch (IOException e) {
      // a byte array cannot fail to read; kept for the checked signature
      return new Decoded.Malformed("format json: " + e.getMessage());
    }
  }

  private static Map<String, Object> readObject(JsonParser parser) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      map.put(name, readValue(parser, parser.nextToken()));
    }
    return map;
  }

  private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> readObject(parser);
      case START_ARRAY -> readArray(parser);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? parser.getBigIntegerValue().doubleValue() : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IllegalStateException("unexpected JSON token " + token);
    };
  }

  private static List<Object> readArray(JsonParser parser) throws IOException {
    List<Object> list = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      list.add(readValue(parser, token));
    }
    return list;
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "another object";
      default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
    };
  }

  private static String at(JsonLocation location) {
    return location == null ? "an unknown position"
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /**
   * Maps as objects (in the map's order), lists as arrays, timestamps as ISO-8601 strings, durations
   * as ISO-8601 durations, bytes as base64. Any other type is refused.
   */
  @Override
  public byte[] encode(Object value) {
    return JsonRecordWriter.toJson(value);
  }
}
