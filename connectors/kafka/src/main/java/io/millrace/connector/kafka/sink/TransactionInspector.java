package io.millrace.connector.kafka.sink;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;

/**
 * What the transaction coordinator knows about our transactional ids, through the public Admin API
 * (KIP-664): the producer id and epoch of an open transaction (the committable), and which ids of a sink
 * node still hold an open transaction (recovery fences them).
 */
final class TransactionInspector implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final EnumSet<TransactionState> OPEN =
      EnumSet.of(TransactionState.ONGOING, TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT);

  private final Admin admin;

  TransactionInspector(Map<String, Object> adminProperties) {
    this.admin = Admin.create(adminProperties);
  }

  /** The coordinator's view of {@code transactionalId}, or null when it does not know the id. */
  TransactionDescription describe(String transactionalId) throws Exception {
    try {
      return get(admin.describeTransactions(List.of(transactionalId)).description(transactionalId));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TransactionalIdNotFoundException) {
        return null;
      }
      throw e;
    }
  }

  /** Whether {@code committable}'s transaction (exactly that producer id and epoch) is still open. */
  boolean isStillOpen(KafkaCommittable committable) throws Exception {
    TransactionDescription d = describe(committable.transactionalId());
    return d != null && OPEN.contains(d.state()) && d.producerId() == committable.producerId()
        && d.producerEpoch() == committable.epoch();
  }

  /**
   * Whether the cluster's finalized {@code transaction.version} is 2 or more (KIP-890): a resumed
   * transaction must be ended with the protocol it was opened with.
   */
  boolean transactionV2() throws Exception {
    var finalized = get(admin.describeFeatures().featureMetadata()).finalizedFeatures().get("transaction.version");
    return finalized != null && finalized.maxVersionLevel() >= 2;
  }

  /** Ids starting with {@code prefix} that hold an open transaction. */
  List<String> openTransactions(String prefix) throws Exception {
    var listings = get(admin.listTransactions(new ListTransactionsOptions().filterStates(OPEN)).all());
    return listings.stream().map(TransactionListing::transactionalId).filter(id -> id.startsWith(prefix))
        .sorted().toList();
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
      throws ExecutionException, InterruptedException, TimeoutException {
    return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
