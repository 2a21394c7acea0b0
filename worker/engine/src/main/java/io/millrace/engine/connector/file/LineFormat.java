package io.millrace.engine.connector.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * How one record value becomes one line (without the newline) of a file-sink file, for the record
 * model of {@code docs/expressions.md}: maps as JSON objects (in the map's order), lists as arrays,
 * timestamps as ISO-8601 strings, bytes as base64.
 */
enum LineFormat {
  /** Each value as one JSON document. */
  JSON {
    @Override
    byte[] encode(Object value) {
      return json(value);
    }
  },
  /** Strings as they are; any other value as JSON (so a line still says what it held). */
  TEXT {
    @Override
    byte[] encode(Object value) {
      return value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : json(value);
    }
  };

  private static final JsonFactory FACTORY = new JsonFactory();

  abstract byte[] encode(Object value);

  /** The file extension of committed part files. */
  String extension() {
    return this == JSON ? "jsonl" : "txt";
  }

  static LineFormat of(String nodeId, String setting) {
    return switch (setting) {
      case "json" -> JSON;
      case "text" -> TEXT;
      default -> throw new IllegalArgumentException("file-sink node " + nodeId + ": format '" + setting
          + "' is not json or text");
    };
  }

  private static byte[] json(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory stream: cannot happen
    }
    return bytes.toByteArray();
  }

  private static void write(JsonGenerator out, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof String s) {
      out.writeString(s);
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      out.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      out.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof BigDecimal d) {
      out.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      out.writeNumber(i);
    } else if (value instanceof Instant t) {
      out.writeString(t.toString());
    } else if (value instanceof byte[] b) {
      out.writeBinary(b);
    } else if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.writeFieldName(String.valueOf(e.getKey()));
        write(out, e.getValue());
      }
      out.writeEndObject();
    } else if (value instanceof Iterable<?> list) {
      out.writeStartArray();
      for (Object item : list) {
        write(out, item);
      }
      out.writeEndArray();
    } else {
      out.writeString(value.toString());
    }
  }
}
