package io.millrace.connector.kafka.sink;

import java.util.Objects;

/**
 * The committable of the exactly-once Kafka sink: one flushed, still-open Kafka transaction, as the
 * transaction coordinator knows it. Stored in the checkpoint; committed when that checkpoint completed.
 *
 * @param transactionalId the pooled transactional id that holds the transaction (see {@link TransactionalIds})
 * @param producerId the producer id the coordinator gave that id's producer
 * @param epoch the producer epoch of the open transaction; with {@code producerId} it names exactly one
 *     transaction, so recovery can tell "still open" from "committed long ago, id reused since"
 */
public record KafkaCommittable(String transactionalId, long producerId, short epoch) {

  public KafkaCommittable {
    Objects.requireNonNull(transactionalId, "transactionalId");
  }
}
