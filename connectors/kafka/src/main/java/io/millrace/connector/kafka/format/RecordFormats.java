package io.millrace.connector.kafka.format;

import java.util.Locale;

/** The formats a Kafka node's {@code format} setting names. */
public final class RecordFormats {

  /** The spec's default when {@code format} is absent. */
  public static final String DEFAULT = "json";

  private RecordFormats() {}

  /**
   * The format named by a node's {@code format} setting ({@code null}: {@link #DEFAULT}).
   *
   * @throws IllegalArgumentException naming the node and the accepted names
   */
  public static RecordFormat of(String nodeId, Object setting) {
    String name = setting == null ? DEFAULT : setting.toString().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "json" -> JsonFormat.INSTANCE;
      case "text" -> TextFormat.INSTANCE;
      case "bytes" -> BytesFormat.INSTANCE;
      default -> throw new IllegalArgumentException("node '" + nodeId + "': format '" + setting
          + "' is not supported; use json, text or bytes");
    };
  }
}
