package io.millrace.connector.kafka.format;

/**
 * How a Kafka message value becomes a record value (source) and back (sink), in the record model of
 * {@code pipeline-spec/docs/expressions.md}. Implementations are stateless and thread-safe.
 */
public sealed interface RecordFormat permits JsonFormat, TextFormat, BytesFormat, AvroFormat, ConfluentAvroFormat {

  /** The spec name ({@code json}, {@code text}, {@code bytes}, {@code avro}). */
  String name();

  /**
   * Decodes one message value ({@code null} for a message without value, e.g. a tombstone). Never
   * throws on bad input: a payload that is not in this format is {@link Decoded.Malformed}.
   */
  Decoded decode(byte[] payload);

  /**
   * Encodes one record value as a message value.
   *
   * @throws IllegalArgumentException when the value cannot be written in this format (the reason
   *     says which type was found), so a sink can route the record to its dead-letter output
   */
  byte[] encode(Object value);

  /**
   * Encodes one record value for {@code topic}: the same as {@link #encode(Object)} unless the format
   * depends on the topic (Avro with a schema registry: the subject is {@code <topic>-value}).
   */
  default byte[] encode(String topic, Object value) {
    return encode(value);
  }

  /** The outcome of decoding one message. */
  sealed interface Decoded {

    /** A record value in the record model (may be {@code null} for text and bytes). */
    record Value(Object value) implements Decoded {}

    /** Not in the format; {@code reason} says where and why, for the dead-letter record. */
    record Malformed(String reason) implements Decoded {}
  }
}
