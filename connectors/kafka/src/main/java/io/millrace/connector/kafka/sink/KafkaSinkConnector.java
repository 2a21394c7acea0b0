package io.millrace.connector.kafka.sink;

import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.spec.expr.ExpressionCompiler;
import io.millrace.spec.plan.JobVertex;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Makes the {@link KafkaSink} of one {@code kafka-sink} node. The sink needs the job id (its
 * transactional ids are stable per job, node, subtask) and the worker's {@link PreparedTransactions}
 * (shared by all attempts in the process), so a worker registers it per deployment through
 * {@code KafkaConnectors.register(connectors, defaults, jobId, prepared)}.
 */
public final class KafkaSinkConnector {

  private KafkaSinkConnector() {}

  public static KafkaSink fromVertex(JobVertex vertex, String jobId, KafkaDefaults defaults,
      PreparedTransactions prepared, ExpressionCompiler compiler) {
    return fromVertex(vertex, jobId, defaults, prepared, compiler, KafkaProducer::new);
  }

  /** With another producer implementation (tests). */
  static KafkaSink fromVertex(JobVertex vertex, String jobId, KafkaDefaults defaults, PreparedTransactions prepared,
      ExpressionCompiler compiler, Function<Map<String, Object>, Producer<byte[], byte[]>> producers) {
    KafkaDefaults node = defaults.forNode("kafka-sink", vertex.id(), vertex.settings());
    KafkaSinkSettings settings = KafkaSinkSettings.of(vertex.id(), vertex.settings(), node.bootstrapServers());
    RecordRouter router = new RecordRouter(settings, vertex.inputType(0), compiler);
    return new KafkaSink(jobId, settings, router, new ProducerSettings(node.clientProperties(), settings),
        producers, prepared);
  }
}
