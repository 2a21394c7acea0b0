package io.millrace.engine.serialization;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes a record value of the engine's record model as UTF-8 JSON: the one JSON encoding every connector uses
 * (file-sink lines, Kafka messages), so the same record reads the same everywhere. Maps become objects (in the map's
 * order), lists arrays, timestamps ISO-8601 strings, durations ISO-8601 durations, bytes base64 strings. A value
 * outside the record model is refused with its type named. Stateless and thread-safe.
 */
public final class JsonRecordWriter {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonRecordWriter() {}

  /** {@code value} as JSON bytes. */
  public static byte[] toJson(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory stream cannot fail
    }
    return bytes.toByteArray();
  }

  /** Writes {@code value} to {@code out}. */
  public static void write(JsonGenerator out, Object value) throws IOException {
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
    } else if (value instanceof Duration d) {
      out.writeString(d.toString());
    } else if (value instanceof byte[] b) {
      out.writeString(Base64.getEncoder().encodeToString(b));
    } else if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.writeFieldName(String.valueOf(e.getKey()));
        write(out, e.getValue());
      }
      out.writeEndObject();
    } else if (value instanceof List<?> list) {
      out.writeStartArray();
      for (Object element : list) {
        write(out, element);
      }
      out.writeEndArray();
    } else {
      throw new IllegalArgumentException("json: cannot write a " + value.getClass().getName()
          + " (not in the record model)");
    }
  }
}
