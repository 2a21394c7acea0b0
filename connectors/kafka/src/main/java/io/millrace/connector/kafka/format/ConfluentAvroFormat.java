package io.millrace.connector.kafka.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;

/**
 * Avro in the Confluent wire format: magic byte 0, the writer schema's 4-byte big-endian registry id,
 * then the binary datum. Decoding fetches the writer schema by id from the registry (cached) and
 * resolves it to the node's {@code avroSchema} when one is set (else reads with the writer schema).
 * Encoding registers the node's schema under the subject {@code <topic>-value} (TopicNameStrategy; once
 * per topic) and prefixes its id. A message without the magic byte, too short, or with an id the
 * registry does not know is malformed; a registry that cannot be asked fails the task
 * ({@link SchemaRegistryClient.SchemaRegistryException}). The first message of each new schema id or
 * topic waits for the registry on the calling (task) thread — once, then cached.
 */
public final class ConfluentAvroFormat implements RecordFormat {

  static final byte MAGIC = 0;
  static final int HEADER = 5;

  private final SchemaRegistryClient registry;
  private final Schema schema;

  /**
   * @param schema the reader schema (source, optional: null reads with each message's writer schema) or the
   *     writer schema (sink, required to encode)
   */
  public ConfluentAvroFormat(SchemaRegistryClient registry, Schema schema) {
    this.registry = registry;
    this.schema = schema;
  }

  @Override
  public String name() {
    return "avro";
  }

  public Schema schema() {
    return schema;
  }

  @Override
  public Decoded decode(byte[] payload) {
    if (payload == null) {
      return new Decoded.Malformed("format avro: the message has no value (a tombstone?)");
    }
    if (payload.length < HEADER || payload[0] != MAGIC) {
      return new Decoded.Malformed("format avro: not in the schema registry wire format (expected magic byte 0 and"
          + " a 4-byte schema id, found " + (payload.length == 0 ? "an empty message"
          : payload.length < HEADER ? payload.length + " bytes" : "first byte 0x" + String.format("%02x", payload[0]))
          + ")");
    }
    int id = ByteBuffer.wrap(payload, 1, 4).getInt();
    Schema writer;
    try {
      writer = registry.schemaById(id);
    } catch (SchemaRegistryClient.UnknownSchemaException e) {
      return new Decoded.Malformed("format avro: " + e.getMessage());
    }
    return AvroFormat.decodeBody(payload, HEADER, writer, schema == null ? writer : schema,
        "format avro (schema id " + id + ")");
  }

  /** Without a topic there is no subject: the sink calls {@link #encode(String, Object)}. */
  @Override
  public byte[] encode(Object value) {
    throw new IllegalStateException("format avro with a schema registry encodes per topic (subject <topic>-value)");
  }

  @Override
  public byte[] encode(String topic, Object value) {
    if (schema == null) {
      throw new IllegalStateException("format avro: writing needs avroSchema"); // the sink's settings require it
    }
    int id = registry.register(topic + "-value", schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    out.write(MAGIC);
    out.write(id >>> 24);
    out.write(id >>> 16);
    out.write(id >>> 8);
    out.write(id);
    return AvroFormat.encodeBody(value, schema, out);
  }
}
