package io.millrace.connector.kafka.sink;

import io.millrace.connector.kafka.format.RecordFormat;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.UnwritableRecordException;
import io.millrace.spec.expr.CompileResult;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.EvalResult;
import io.millrace.spec.expr.ExpressionCompiler;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.RecordType;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;

/**
 * Turns one record into one Kafka message: topic (fixed, or {@code topicExpression} per record), key
 * ({@code key} expression: strings as UTF-8, bytes as they are, anything else in the node's format) and
 * value (the node's format). Compiled once per sink node; thread-safe.
 *
 * <p>A record that cannot become a valid message — an expression fails on it, its value does not fit the
 * format, the topic expression gives no valid topic name, the message is larger than {@code
 * maxRequestSize} — is refused HERE, before the producer sees it, as {@link UnwritableRecordException}
 * (the engine routes it to the node's dead-letter output). Handing it to a transactional producer
 * instead would put the whole open transaction into an abortable error state (kafka-clients {@code
 * TransactionManager.maybeTransitionToErrorState}) and fail the task, for one bad record.
 */
final class RecordRouter {

  private final String nodeId;
  private final String topic;
  private final CompiledExpression topicExpression;
  private final CompiledExpression keyExpression;
  private final RecordFormat format;
  private final int maxRequestSize;

  /** Kafka's legal topic names (kafka {@code Topic.validate}: up to 249 of these characters, not . or ..). */
  private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  RecordRouter(KafkaSinkSettings settings, RecordType input, ExpressionCompiler compiler) {
    this.nodeId = settings.nodeId();
    this.topic = settings.topic();
    this.topicExpression = settings.topicExpression() == null ? null
        : compile(compiler, "topicExpression", settings.topicExpression(), input, ExpressionKind.VALUE);
    this.keyExpression = settings.keyExpression() == null ? null
        : compile(compiler, "key", settings.keyExpression(), input, ExpressionKind.KEY);
    this.format = settings.format();
    this.maxRequestSize = settings.maxRequestSize();
  }

  /**
   * @throws UnwritableRecordException naming the node, the setting and the reason when an expression
   *     fails on this record, the value cannot be written in the format or the message is too large
   */
  ProducerRecord<byte[], byte[]> toMessage(StreamRecord record) {
    try {
      String target = topic != null ? topic : topicOf(record);
      byte[] key = keyExpression == null ? null : keyBytes(evaluate(keyExpression, "key", record));
      byte[] value;
      try {
        value = format.encode(target, record.value());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("kafka-sink node " + nodeId + ": cannot write the record as "
            + format.name() + ": " + e.getMessage(), e);
      }
      checkSize(target, key, value);
      Long timestamp = record.hasTimestamp() && record.timestamp() >= 0 ? record.timestamp() : null;
      return new ProducerRecord<>(target, null, timestamp, key, value);
    } catch (IllegalArgumentException e) {
      throw new UnwritableRecordException(e.getMessage(), e);
    }
  }

  /**
   * The producer's own check ({@code KafkaProducer.ensureValidRecordSize}: the upper bound of the record
   * in a batch of its own against {@code max.request.size}), done before the send so the producer never
   * fails on it.
   */
  private void checkSize(String target, byte[] key, byte[] value) {
    int size = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
        key, value, new org.apache.kafka.common.header.Header[0]);
    if (size > maxRequestSize) {
      throw new IllegalArgumentException("kafka-sink node " + nodeId + ": the message for topic " + target + " is "
          + size + " bytes (key " + (key == null ? 0 : key.length) + ", value " + (value == null ? 0 : value.length)
          + ", plus batch overhead), more than maxRequestSize " + maxRequestSize + " bytes; raise maxRequestSize"
          + " (and the topic's max.message.bytes) or make the record smaller");
    }
  }

  private String topicOf(StreamRecord record) {
    Object t = evaluate(topicExpression, "topicExpression", record);
    if (!(t instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("kafka-sink node " + nodeId + ": topicExpression '"
          + topicExpression.source() + "' gave " + (t == null ? "null" : "'" + t + "'")
          + " instead of a topic name; make it return a non-empty string");
    }
    if (!LEGAL_TOPIC.matcher(s).matches() || s.equals(".") || s.equals("..")) {
      throw new IllegalArgumentException("kafka-sink node " + nodeId + ": topicExpression '"
          + topicExpression.source() + "' gave '" + s + "', which is not a legal Kafka topic name (up to 249 of"
          + " a-z A-Z 0-9 . _ -)");
    }
    return s;
  }

  private Object evaluate(CompiledExpression expression, String setting, StreamRecord record) {
    EvalResult result = expression.evaluate(record.value(), record.key(), record.timestamp());
    if (result instanceof EvalResult.Value v) {
      return v.value();
    }
    throw new IllegalArgumentException("kafka-sink node " + nodeId + ": " + setting + " '" + expression.source()
        + "' failed on a record: " + ((EvalResult.Failed) result).reason());
  }

  private byte[] keyBytes(Object key) {
    if (key == null) {
      return null;
    }
    if (key instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    if (key instanceof byte[] b) {
      return b;
    }
    if (key instanceof Number || key instanceof Boolean) {
      return key.toString().getBytes(StandardCharsets.UTF_8);
    }
    // an Avro schema describes the value, not the key: other keys as JSON
    return format.name().equals("avro") ? io.millrace.connector.kafka.format.JsonFormat.INSTANCE.encode(key)
        : format.encode(key);
  }

  private CompiledExpression compile(ExpressionCompiler compiler, String setting, String text, RecordType input,
      ExpressionKind kind) {
    CompileResult result = compiler.compile(text, input, kind);
    if (result instanceof CompileResult.Compiled c) {
      return c.expression();
    }
    String errors = ((CompileResult.Failed) result).errors().stream().map(e -> e.message() + " (column " + e.column() + ")")
        .collect(Collectors.joining("; "));
    throw new IllegalArgumentException("kafka-sink node " + nodeId + ": setting '" + setting + "' ('" + text
        + "') does not compile: " + errors);
  }
}
