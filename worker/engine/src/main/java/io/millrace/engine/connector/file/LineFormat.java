package io.millrace.engine.connector.file;

import java.nio.charset.StandardCharsets;

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
    return io.millrace.engine.serialization.JsonRecordWriter.toJson(value);
  }
}
