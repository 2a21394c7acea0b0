package io.millrace.connector.kafka.format;

import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

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
      case "avro" -> throw new IllegalArgumentException("node '" + nodeId + "': format avro needs its settings"
          + " (avroSchema, schemaRegistryUrl)");
      default -> throw new IllegalArgumentException("node '" + nodeId + "': format '" + setting
          + "' is not supported; use json, text, bytes or avro");
    };
  }

  /**
   * The format of a Kafka node from all its settings: {@code format}, and for {@code avro} the inline
   * {@code avroSchema} (JSON text) and/or {@code schemaRegistryUrl}.
   *
   * @param kind {@code kafka-source} or {@code kafka-sink}, for the messages
   * @param needsSchema whether {@code avroSchema} is required with avro (the sink writes with it)
   * @throws IllegalArgumentException naming node and setting: avro without a schema or registry, a schema
   *     that does not parse (with Avro's reason), a registry URL that is not http(s)
   */
  public static RecordFormat of(String kind, String nodeId, Map<String, Object> settings, boolean needsSchema) {
    Object setting = settings.get("format");
    String name = setting == null ? DEFAULT : setting.toString().toLowerCase(Locale.ROOT);
    Object schemaText = settings.get("avroSchema");
    Object registryUrl = settings.get("schemaRegistryUrl");
    if (!name.equals("avro")) {
      if (schemaText != null || registryUrl != null) {
        throw new IllegalArgumentException(kind + " node '" + nodeId + "': "
            + (schemaText != null ? "avroSchema" : "schemaRegistryUrl") + " needs format: avro (format is " + name + ")");
      }
      return of(nodeId, setting);
    }
    if (schemaText == null && (needsSchema || registryUrl == null)) {
      throw new IllegalArgumentException(kind + " node '" + nodeId + "': format avro needs avroSchema (the schema of"
          + " the message values, JSON text)" + (needsSchema ? "" : " or schemaRegistryUrl (messages in the Confluent"
          + " wire format)"));
    }
    Schema schema = null;
    if (schemaText != null) {
      try {
        schema = new Schema.Parser().parse(schemaText.toString());
      } catch (SchemaParseException e) {
        throw new IllegalArgumentException(kind + " node '" + nodeId + "': avroSchema is not a valid Avro schema: "
            + e.getMessage());
      }
    }
    if (registryUrl == null) {
      return new AvroFormat(schema);
    }
    try {
      return new ConfluentAvroFormat(new SchemaRegistryClient(registryUrl.toString()), schema);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(kind + " node '" + nodeId + "': schemaRegistryUrl " + e.getMessage()
          + "; write e.g. http://schema-registry:8081");
    }
  }
}
