package io.millrace.connector.kafka;

import io.millrace.connector.kafka.sink.KafkaSink;
import io.millrace.connector.kafka.sink.KafkaSinkConnector;
import io.millrace.connector.kafka.sink.PreparedTransactions;
import io.millrace.connector.kafka.source.KafkaSource;
import io.millrace.engine.runtime.Connectors;
import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.expr.ExpressionCompiler;

/**
 * The registration point of this module: adds the {@code kafka-source} and {@code kafka-sink} kinds
 * to the engine's {@link Connectors}, each node getting its connector from its own settings (plus
 * {@link KafkaDefaults}). The worker calls it once at start-up.
 *
 * <pre>{@code
 * Connectors connectors = KafkaConnectors.register(Connectors.none(), KafkaDefaults.cluster("kafka:9092"));
 * }</pre>
 */
public final class KafkaConnectors {

  public static final String SOURCE_KIND = "kafka-source";
  public static final String SINK_KIND = "kafka-sink";

  private KafkaConnectors() {}

  /** {@code connectors} plus the Kafka kinds (a node bound by id still wins). */
  public static Connectors register(Connectors connectors, KafkaDefaults defaults) {
    Connectors registered = connectors;
    registered = registered.withSourceKind(SOURCE_KIND, vertex -> KafkaSource.fromVertex(vertex, defaults));
    // kafka-sink needs the job id: see register(connectors, defaults, jobId, prepared)
    return registered;
  }

  /**
   * {@code connectors} plus the Kafka kinds for one job: also {@code kafka-sink}, whose transactional
   * ids are stable per job (so the job id is needed) and whose prepared transactions survive a task
   * failure in {@code prepared} (one instance per worker process, shared by every job and attempt; see
   * {@link KafkaSink}). Expressions ({@code key}, {@code topicExpression}) compile with the default CEL
   * compiler.
   */
  public static Connectors register(Connectors connectors, KafkaDefaults defaults, String jobId,
      PreparedTransactions prepared) {
    ExpressionCompiler compiler = new CelExpressionCompiler();
    return register(connectors, defaults).withSinkKind(SINK_KIND,
        vertex -> KafkaSinkConnector.fromVertex(vertex, jobId, defaults, prepared, compiler));
  }
}
