package io.millrace.connector.kafka.source;

import io.millrace.connector.kafka.format.RecordFormat;
import io.millrace.connector.kafka.format.TextFormat;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.ReaderOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns one Kafka message into a record (decoded by the node's format; with {@code includeMetadata}
 * wrapped as {@code {value, key, headers, topic, partition, offset, timestamp}}) with the message
 * timestamp as event time, or into a dead letter when it cannot be decoded.
 */
final class RecordConverter {

  private final RecordFormat format;
  private final boolean includeMetadata;

  RecordConverter(RecordFormat format, boolean includeMetadata) {
    this.format = format;
    this.includeMetadata = includeMetadata;
  }

  void convert(ConsumerRecord<byte[], byte[]> message, ReaderOutput output) {
    long timestamp = message.timestamp() < 0 ? StreamRecord.NO_TIMESTAMP : message.timestamp();
    RecordFormat.Decoded decoded = format.decode(message.value());
    if (decoded instanceof RecordFormat.Decoded.Value v) {
      output.collect(includeMetadata ? envelope(v.value(), message) : v.value(), timestamp);
    } else if (decoded instanceof RecordFormat.Decoded.Malformed malformed) {
      output.deadLetter(deadLetter(message), timestamp, "topic " + message.topic() + " partition "
          + message.partition() + " offset " + message.offset() + ": " + malformed.reason());
    }
  }

  private static Map<String, Object> envelope(Object value, ConsumerRecord<byte[], byte[]> message) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("value", value);
    record.put("key", message.key() == null ? null : new String(message.key(), StandardCharsets.UTF_8));
    Map<String, Object> headers = new LinkedHashMap<>();
    for (Header header : message.headers()) {
      headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
    }
    record.put("headers", headers);
    record.put("topic", message.topic());
    record.put("partition", (long) message.partition());
    record.put("offset", message.offset());
    record.put("timestamp", message.timestamp() < 0 ? null : Instant.ofEpochMilli(message.timestamp()));
    return record;
  }

  /**
   * What the dead-letter record carries about the bad message: its position, key and payload (as
   * text when it is valid UTF-8, else the bytes), so it can be found and replayed.
   */
  private static Map<String, Object> deadLetter(ConsumerRecord<byte[], byte[]> message) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("topic", message.topic());
    value.put("partition", (long) message.partition());
    value.put("offset", message.offset());
    value.put("key", message.key() == null ? null : new String(message.key(), StandardCharsets.UTF_8));
    Object payload = message.value();
    if (payload != null && TextFormat.INSTANCE.decode(message.value()) instanceof RecordFormat.Decoded.Value text) {
      payload = text.value();
    }
    value.put("payload", payload);
    return value;
  }
}
