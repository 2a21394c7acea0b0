package io.millrace.connector.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millrace.localstack.KafkaServer;
import io.millrace.localstack.WithKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * {@link TransactionResumer} against the real broker: a transaction whose producer died without
 * committing or aborting it (as when a worker process is killed right after its checkpoint completed)
 * is committed by a fresh producer of the same transactional id, from the stored producer id and
 * epoch alone. Fails when a kafka-clients upgrade changes the internals the resume relies on.
 */
@WithKafka
class TransactionResumeIT {

  private static final int RECORDS = 50;

  @Test
  void aTransactionWhoseProducerDiedIsCommittedFromItsProducerIdAndEpoch(KafkaServer kafka) throws Exception {
    String topic = "resume-" + UUID.randomUUID();
    KafkaSinkExactlyOnceIT.createTopic(kafka, topic, 2);
    String transactionalId = "resume-it-" + UUID.randomUUID();

    KafkaProducer<byte[], byte[]> dying = new KafkaProducer<>(producer(kafka, transactionalId));
    dying.initTransactions();
    dying.beginTransaction();
    IntStream.range(0, RECORDS).forEach(i -> dying.send(new ProducerRecord<>(topic,
        ("k" + i).getBytes(StandardCharsets.UTF_8), ("v" + i).getBytes(StandardCharsets.UTF_8))));
    dying.flush();

    try (TransactionInspector inspector = new TransactionInspector(admin(kafka))) {
      var open = inspector.describe(transactionalId);
      KafkaCommittable committable = new KafkaCommittable(transactionalId, open.producerId(),
          (short) open.producerEpoch());
      // A forced close sends nothing more (no abort): what a killed process leaves behind.
      dying.close(Duration.ZERO);
      assertThat(inspector.isStillOpen(committable)).isTrue();
      assertThat(CommittedOutput.read(kafka.bootstrapServers(), topic, true)).isEmpty();

      try (Producer<byte[], byte[]> fresh = new KafkaProducer<>(producer(kafka, transactionalId))) {
        TransactionResumer.resumeAndCommit(fresh, committable, inspector.transactionV2());
      }

      assertThat(inspector.isStillOpen(committable)).isFalse();
      // The coordinator writes the commit markers after answering EndTxn: wait for them, then compare.
      await().atMost(Duration.ofSeconds(30)).until(() -> CommittedOutput.read(kafka.bootstrapServers(), topic, true)
          .size() >= RECORDS);
      List<String> committed = CommittedOutput.read(kafka.bootstrapServers(), topic, true);
      assertThat(committed).containsExactlyInAnyOrderElementsOf(IntStream.range(0, RECORDS).mapToObj(i -> "v" + i)
          .toList());
    }
  }

  private static Map<String, Object> producer(KafkaServer kafka, String transactionalId) {
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return p;
  }

  private static Map<String, Object> admin(KafkaServer kafka) {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
  }
}
