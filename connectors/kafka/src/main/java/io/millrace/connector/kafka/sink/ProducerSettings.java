package io.millrace.connector.kafka.sink;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The kafka-clients properties of one sink node's producers and admin client: the worker's client
 * properties (security...), then the node's cluster and request size, then what the delivery mode
 * requires (these win: a user property must not silently turn exactly-once into something weaker).
 * Never logged: client properties may hold credentials.
 */
final class ProducerSettings {

  /**
   * How long the broker keeps a transaction open before aborting it on its own. A pre-committed
   * transaction must survive until its checkpoint completes and the commit arrives, possibly after a
   * restart; 15 minutes is the broker's default {@code transaction.max.timeout.ms}, the most a default
   * broker accepts. (Lingering transactions of dead attempts are aborted long before by recovery.)
   */
  static final int TRANSACTION_TIMEOUT_MS = 15 * 60 * 1000;

  private final Map<String, Object> clientProperties;
  private final KafkaSinkSettings settings;

  ProducerSettings(Map<String, Object> clientProperties, KafkaSinkSettings settings) {
    this.clientProperties = Map.copyOf(clientProperties);
    this.settings = settings;
  }

  /** Admin calls give up after {@code unreachableTimeout} (unless the worker's client properties say otherwise). */
  Map<String, Object> admin(String clientId) {
    Map<String, Object> p = new HashMap<>(clientProperties);
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    long unreachable = settings.unreachableTimeout().toMillis();
    p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) unreachable);
    p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(unreachable, 30_000));
    return p;
  }

  /** A transactional producer for {@code transactionalId} (exactly-once). */
  Map<String, Object> transactional(String transactionalId) {
    Map<String, Object> p = common(transactionalId);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return p;
  }

  /** A non-transactional producer: idempotent with acks=all (at-least-once) or acks=1 (none). */
  Map<String, Object> plain(String clientId, Delivery delivery) {
    Map<String, Object> p = common(clientId);
    boolean atLeastOnce = delivery == Delivery.AT_LEAST_ONCE;
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, atLeastOnce);
    p.put(ProducerConfig.ACKS_CONFIG, atLeastOnce ? "all" : "1");
    return p;
  }

  private Map<String, Object> common(String clientId) {
    Map<String, Object> p = new HashMap<>(clientProperties);
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, settings.maxRequestSize());
    // throughput: small records are only cheap in batches; 5 ms adds nothing to a checkpoint-bound latency
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
    // A cluster that does not answer must surface as a task failure within unreachableTimeout, not after the
    // client's defaults (send blocks up to 60 s for metadata, a record waits up to 120 s for delivery).
    long unreachable = settings.unreachableTimeout().toMillis();
    p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, unreachable);
    p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(unreachable, 30_000));
    long linger = Long.parseLong(p.get(ProducerConfig.LINGER_MS_CONFIG).toString());
    long request = Long.parseLong(p.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG).toString());
    p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(unreachable, linger + request));
    return p;
  }
}
