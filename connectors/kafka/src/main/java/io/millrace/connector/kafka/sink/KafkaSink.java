package io.millrace.connector.kafka.sink;

import io.millrace.engine.connector.CommittableCodec;
import io.millrace.engine.connector.Sink;
import io.millrace.engine.connector.SinkWriter;
import io.millrace.engine.connector.SinkWriterContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;

/**
 * The {@code kafka-sink}: records to Kafka topics with delivery {@code exactly-once} (default),
 * {@code at-least-once} or {@code none}.
 *
 * <p><b>Exactly-once protocol.</b> Each subtask writes through a transactional producer whose
 * transactional id is stable per (job, node, subtask, pool index) — {@link TransactionalIds}. At the
 * barrier the writer flushes the open transaction and KEEPS IT OPEN: its committable is (transactional
 * id, producer id, epoch), read from the coordinator with the Admin API; the next records go into a new
 * transaction on the next id of the pool. When the checkpoint completes, {@link #commit} commits that
 * transaction. Consumers with {@code isolation.level=read_committed} therefore see a record exactly when
 * the checkpoint that covers the source offsets it came from has completed.
 *
 * <p><b>Commits go through the live producer when there is one.</b> The writer hands every prepared
 * transaction, with its producer, to the process-wide {@link PreparedTransactions}; the commit finds it
 * there by committable. When a task fails or is cancelled, the writer aborts its open transaction but
 * leaves the prepared ones alive there, so the next attempt's {@link #recover} — in the same worker
 * process — commits those of the restored checkpoint with their own producers.
 *
 * <p><b>When the producer is gone</b> (its worker process died between the checkpoint's completion and
 * the commit notification, or a surviving process holds it while another recovers), the transaction is
 * resumed by producer id and epoch ({@link TransactionResumer}, Flink's technique: the public KIP-939
 * API is not in kafka-clients 4.2/4.3) and committed. Should a kafka-clients upgrade break the resume,
 * the sink logs the loss at SEVERE with the ids and counts it in {@link #unresumable()}.
 *
 * <p><b>Recovery</b> (job restored from a checkpoint, before any writer starts): commit the restored
 * committables (idempotent: one already committed is recognised because the coordinator no longer
 * holds that exact producer id and epoch open); abort and close every other prepared transaction of
 * this node held by this process; then list the coordinator's open transactions (Admin {@code
 * listTransactions}) and fence every id of this job's node by {@code initTransactions} on it, which
 * aborts leftovers of dead attempts — also of ids a smaller new parallelism never reuses — so they do
 * not hold back read_committed consumers until the 15-minute transaction timeout. New writers fence
 * their own ids again on first use.
 *
 * <p>One instance per sink node per job attempt; thread-safe.
 */
public final class KafkaSink implements Sink<KafkaCommittable> {

  private static final Logger LOG = Logger.getLogger(KafkaSink.class.getName());

  /** Ids per subtask: the open transaction plus those waiting for checkpoints (declined checkpoints pile up). */
  static final int POOL_SIZE = 5;

  private final String jobId;
  private final KafkaSinkSettings settings;
  private final RecordRouter router;
  private final ProducerSettings producerSettings;
  private final Function<Map<String, Object>, Producer<byte[], byte[]>> producerFactory;
  private final PreparedTransactions prepared;
  private final TransactionalIds ids;
  private final AtomicLong unresumable = new AtomicLong();
  private final AtomicLong resumed = new AtomicLong();

  KafkaSink(String jobId, KafkaSinkSettings settings, RecordRouter router, ProducerSettings producerSettings,
      Function<Map<String, Object>, Producer<byte[], byte[]>> producerFactory, PreparedTransactions prepared) {
    this.jobId = jobId;
    this.settings = settings;
    this.router = router;
    this.producerSettings = producerSettings;
    this.producerFactory = producerFactory;
    this.prepared = prepared;
    this.ids = new TransactionalIds(jobId, settings.nodeId());
  }

  public KafkaSinkSettings settings() {
    return settings;
  }

  @Override
  public SinkWriter<KafkaCommittable> createWriter(SinkWriterContext context) {
    int subtask = context.subtaskIndex();
    if (settings.delivery() != Delivery.EXACTLY_ONCE) {
      String clientId = "millrace-" + jobId + "-" + settings.nodeId() + "-" + subtask;
      return new PlainWriter(settings.nodeId(), subtask, settings.delivery(), router,
          producerFactory.apply(producerSettings.plain(clientId, settings.delivery())), retention(clientId),
          new SinkWatch(settings, subtask, producerSettings.admin(clientId + ".watch")));
    }
    TransactionInspector inspector = new TransactionInspector(producerSettings.admin(ids.id(subtask, 0) + ".admin"));
    SinkWatch watch = new SinkWatch(settings, subtask, producerSettings.admin(ids.id(subtask, 0) + ".watch"));
    try {
      abortLeftoversOf(subtask, inspector);
    } catch (Exception e) {
      inspector.close();
      watch.close();
      RuntimeException unreachable = watch.unreachable(e);
      if (unreachable != null) {
        throw unreachable;
      }
      throw new KafkaSinkException("kafka-sink node " + settings.nodeId() + " subtask " + subtask
          + ": cannot list or fence the transactions left open by an earlier run on " + settings.bootstrapServers()
          + " (is the cluster reachable?): " + e.getMessage(), e);
    }
    return new TransactionalWriter(settings.nodeId(), subtask, POOL_SIZE, ids, router,
        id -> producerFactory.apply(producerSettings.transactional(id)), prepared, inspector,
        retention(ids.id(subtask, 0)), watch);
  }

  /** Watches the writer's topics' retention (see {@link ExpiredTimestamps}): its own Admin client, closed with it. */
  private TopicRetention retention(String clientId) {
    return new AdminTopicRetention(settings.nodeId(), producerSettings.admin(clientId + ".retention"));
  }

  /**
   * A job started WITHOUT a checkpoint runs no {@link #recover}: transactions an earlier run of the
   * job left open on this subtask's ids (pool indexes the new writer may not reach for a while) would
   * hold back read_committed consumers until their timeout. Only this subtask's ids are touched: in a
   * cluster, other subtasks of the new attempt may already be writing on theirs. After a recover
   * there is nothing left to find.
   */
  private void abortLeftoversOf(int subtask, TransactionInspector inspector) throws Exception {
    String own = ids.prefix() + subtask + ".";
    prepared.drain(own).forEach(TransactionSlot::abortAndClose);
    for (String id : inspector.openTransactions(own)) {
      LOG.info(() -> "kafka-sink job=" + jobId + " node=" + settings.nodeId() + " subtask=" + subtask
          + ": fencing transactional id " + id + " left open by an earlier run");
      fence(id);
    }
  }

  @Override
  public void commit(List<KafkaCommittable> committables) throws Exception {
    TransactionInspector[] lazy = {null}; // only a commit whose producer is gone needs the Admin client
    try {
      for (KafkaCommittable c : committables) {
        commitOne(c, lazy, false);
      }
    } finally {
      if (lazy[0] != null) {
        lazy[0].close();
      }
    }
  }

  @Override
  public void recover(List<KafkaCommittable> restored) throws Exception {
    TransactionInspector inspector = new TransactionInspector(producerSettings.admin(ids.prefix() + "recover"));
    try {
      TransactionInspector[] holder = {inspector};
      Set<String> committed = new HashSet<>();
      for (KafkaCommittable c : restored) {
        commitOne(c, holder, true);
        committed.add(c.transactionalId());
      }
      List<TransactionSlot> leftovers = prepared.drain(ids.prefix());
      leftovers.forEach(TransactionSlot::abortAndClose);
      List<String> open = inspector.openTransactions(ids.prefix());
      for (String id : open) {
        fence(id);
      }
      LOG.info(() -> "kafka-sink job=" + jobId + " node=" + settings.nodeId() + " recovered: committed "
          + restored.size() + " restored transactions, aborted " + leftovers.size()
          + " prepared in this process and fenced " + open.size() + " open transactional ids " + open);
    } finally {
      inspector.close();
    }
  }

  /** Transactions of completed checkpoints that could be neither committed nor resumed (should stay 0). */
  public long unresumable() {
    return unresumable.get();
  }

  /** Transactions committed by resuming them after their producer was lost ({@link TransactionResumer}). */
  public long resumed() {
    return resumed.get();
  }

  private void commitOne(KafkaCommittable c, TransactionInspector[] inspector, boolean recovering) throws Exception {
    TransactionSlot slot = prepared.take(c);
    if (slot != null) {
      slot.commit();
      return;
    }
    if (inspector[0] == null) {
      inspector[0] = new TransactionInspector(producerSettings.admin(ids.prefix() + "commit"));
    }
    if (!inspector[0].isStillOpen(c)) {
      return; // committed before (a repeated commit after a failure): idempotent
    }
    try (Producer<byte[], byte[]> fresh = producerFactory.apply(producerSettings.transactional(c.transactionalId()))) {
      TransactionResumer.resumeAndCommit(fresh, c, inspector[0].transactionV2());
      resumed.incrementAndGet();
      LOG.warning(() -> "kafka-sink job=" + jobId + " node=" + settings.nodeId() + ": committed transaction "
          + c.transactionalId() + " (producerId=" + c.producerId() + " epoch=" + c.epoch() + ") of a completed "
          + "checkpoint by resuming it: its producer was gone (worker process lost before the commit)"
          + (recovering ? "" : " (found during a commit)"));
    } catch (UnsupportedOperationException e) {
      unresumable.incrementAndGet();
      LOG.severe(() -> "kafka-sink job=" + jobId + " node=" + settings.nodeId() + ": transaction "
          + c.transactionalId() + " (producerId=" + c.producerId() + " epoch=" + c.epoch() + ") belongs to a "
          + "completed checkpoint but its producer is gone and it cannot be resumed (" + e.getMessage() + "): it "
          + "will be aborted and its records are missing from the committed output");
    }
  }

  /** {@code initTransactions} on {@code transactionalId}: fences its producer and aborts its open transaction. */
  private void fence(String transactionalId) {
    try (Producer<byte[], byte[]> p = producerFactory.apply(producerSettings.transactional(transactionalId))) {
      p.initTransactions();
    }
  }

  @Override
  public CommittableCodec<KafkaCommittable> committableCodec() {
    return new KafkaCommittableCodec();
  }
}
