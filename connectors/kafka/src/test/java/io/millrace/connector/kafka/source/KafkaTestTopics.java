package io.millrace.connector.kafka.source;

import io.millrace.localstack.KafkaServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Topics, messages and group offsets on the test broker (each test uses fresh, uniquely named topics). */
final class KafkaTestTopics implements AutoCloseable {

  private final KafkaServer kafka;
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;

  KafkaTestTopics(KafkaServer kafka) {
    this.kafka = kafka;
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka.bootstrapServers());
    this.admin = Admin.create(props);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  String bootstrap() {
    return kafka.bootstrapServers();
  }

  String create(String prefix, int partitions) throws Exception {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    // Keep everything: test records carry fixed (old) timestamps, which the broker's default 7-day time retention
    // would delete at its first retention check (see KafkaSinkExactlyOnceIT.createTopic).
    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)
        .configs(java.util.Map.of("retention.ms", "-1")))).all().get(30, TimeUnit.SECONDS);
    return name;
  }

  void growTo(String topic, int partitions) throws Exception {
    admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all().get(30, TimeUnit.SECONDS);
  }

  /** Record {@code seq} as JSON {"seq": n} to partition {@code seq mod partitions}. */
  void produceJson(String topic, int partitions, long from, long to) throws Exception {
    for (long seq = from; seq < to; seq++) {
      send(topic, (int) (seq % partitions), "{\"seq\":" + seq + "}");
    }
    producer.flush();
  }

  /** Many messages to one partition, sent asynchronously and flushed once. */
  void sendAll(String topic, int partition, List<String> values) {
    for (String value : values) {
      producer.send(new ProducerRecord<>(topic, partition, ("k" + partition).getBytes(StandardCharsets.UTF_8),
          value.getBytes(StandardCharsets.UTF_8)));
    }
    producer.flush();
  }

  void send(String topic, int partition, String value) throws Exception {
    producer.send(new ProducerRecord<>(topic, partition, ("k" + partition).getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
  }

  /** One message with an explicit timestamp. */
  void sendAt(String topic, int partition, long timestamp, String value) throws Exception {
    producer.send(new ProducerRecord<>(topic, partition, timestamp, ("k" + partition).getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
  }

  Map<TopicPartition, OffsetAndMetadata> groupOffsets(String group) throws Exception {
    return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    producer.close();
    admin.close();
  }
}
