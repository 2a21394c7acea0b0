package io.millrace.connector.kafka.sink;

import io.millrace.connector.kafka.format.RecordFormat;
import io.millrace.engine.api.StreamRecord;
import io.millrace.spec.expr.CompileResult;
import io.millrace.spec.expr.CompiledExpression;
import io.millrace.spec.expr.EvalResult;
import io.millrace.spec.expr.ExpressionCompiler;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.RecordType;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns one record into one Kafka message: topic (fixed, or {@code topicExpression} per record), key
 * ({@code key} expression: strings as UTF-8, bytes as they are, anything else in the node's format) and
 * value (the node's format). Compiled once per sink node; thread-safe.
 */
final class RecordRouter {

  private final String nodeId;
  private final String topic;
  private final CompiledExpression topicExpression;
  private final CompiledExpression keyExpression;
  private final RecordFormat format;

  RecordRouter(KafkaSinkSettings settings, RecordType input, ExpressionCompiler compiler) {
    this.nodeId = settings.nodeId();
    this.topic = settings.topic();
    this.topicExpression = settings.topicExpression() == null ? null
        : compile(compiler, "topicExpression", settings.topicExpression(), input, ExpressionKind.VALUE);
    this.keyExpression = settings.keyExpression() == null ? null
        : compile(compiler, "key", settings.keyExpression(), input, ExpressionKind.KEY);
    this.format = settings.format();
  }

  /**
   * @throws IllegalArgumentException naming the node, the setting and the reason when an expression
   *     fails on this record or the value cannot be written in the format
   */
  ProducerRecord<byte[], byte[]> toMessage(StreamRecord record) {
    String target = topic != null ? topic : topicOf(record);
    byte[] key = keyExpression == null ? null : keyBytes(evaluate(keyExpression, "key", record));
    byte[] value;
    try {
      value = format.encode(record.value());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("kafka-sink node " + nodeId + ": cannot write the record as "
          + format.name() + ": " + e.getMessage(), e);
    }
    Long timestamp = record.hasTimestamp() && record.timestamp() >= 0 ? record.timestamp() : null;
    return new ProducerRecord<>(target, null, timestamp, key, value);
  }

  private String topicOf(StreamRecord record) {
    Object t = evaluate(topicExpression, "topicExpression", record);
    if (!(t instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("kafka-sink node " + nodeId + ": topicExpression '"
          + topicExpression.source() + "' gave " + (t == null ? "null" : "'" + t + "'")
          + " instead of a topic name; make it return a non-empty string");
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
    return format.encode(key);
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
