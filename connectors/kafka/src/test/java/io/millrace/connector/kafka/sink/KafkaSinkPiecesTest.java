package io.millrace.connector.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.UnwritableRecordException;
import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.expr.RecordType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The sink's pure pieces: committable codec, transactional id naming, settings and record routing. */
class KafkaSinkPiecesTest {

  @Test
  void committableRoundTripsAndRejectsAnotherVersion() {
    KafkaCommittableCodec codec = new KafkaCommittableCodec();
    KafkaCommittable c = new KafkaCommittable("millrace.job-1.out.3.2", 4711L, (short) 9);
    assertThat(codec.decode(codec.encode(c))).isEqualTo(c);
    byte[] bytes = codec.encode(c);
    bytes[0] = 7;
    assertThatThrownBy(() -> codec.decode(bytes)).hasMessageContaining("format version 7");
    assertThatThrownBy(() -> codec.decode(new byte[] {1, 0})).hasMessageContaining("truncated or corrupt");
  }

  @Test
  void transactionalIdsOfOneNodeNeverMatchAnotherNodeWithTheSamePrefix() {
    TransactionalIds out = new TransactionalIds("job/1", "out");
    TransactionalIds out2 = new TransactionalIds("job/1", "out-2");
    assertThat(out.id(3, 1)).isEqualTo("millrace.job_1.out.3.1");
    assertThat(out.parseOwn(out.id(3, 1))).contains(new TransactionalIds.Slot(3, 1));
    assertThat(out.parseOwn(out2.id(0, 0))).isEmpty();
    assertThat(out2.id(0, 0)).doesNotStartWith(out.prefix());
    assertThat(out.parseOwn("millrace.job_1.out.x.1")).isEmpty();
  }

  @Test
  void settingsNameTheNodeAndTheSettingWhenWrong() {
    assertThatThrownBy(() -> KafkaSinkSettings.of("out", Map.of(), "k:9092"))
        .hasMessageContaining("kafka-sink node out").hasMessageContaining("either 'topic'");
    assertThatThrownBy(() -> KafkaSinkSettings.of("out", Map.of("topic", "t", "topicExpression", "'a'"), "k:9092"))
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> KafkaSinkSettings.of("out", Map.of("topic", "t"), null))
        .hasMessageContaining("bootstrapServers");
    assertThatThrownBy(() -> KafkaSinkSettings.of("out", Map.of("topic", "t", "delivery", "twice"), "k:9092"))
        .hasMessageContaining("delivery 'twice'");
    assertThatThrownBy(() -> KafkaSinkSettings.of("out", Map.of("topic", "t", "maxRequestSize", "lots"), "k:9092"))
        .hasMessageContaining("maxRequestSize 'lots'");
    KafkaSinkSettings s = KafkaSinkSettings.of("out", Map.of("topic", "t", "maxRequestSize", "2MB"), "k:9092");
    assertThat(s.delivery()).isEqualTo(Delivery.EXACTLY_ONCE);
    assertThat(s.maxRequestSize()).isEqualTo(2 * 1024 * 1024);
    assertThat(s.format().name()).isEqualTo("json");
  }

  @Test
  void routerComputesTopicKeyValueAndTimestampPerRecord() {
    KafkaSinkSettings settings = KafkaSinkSettings.of("out",
        Map.of("topicExpression", "'events-' + value.kind", "key", "value.user", "format", "json"), "k:9092");
    RecordRouter router = new RecordRouter(settings, RecordType.dynamicRecord(), new CelExpressionCompiler());
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("kind", "click");
    value.put("user", "u1");
    ProducerRecord<byte[], byte[]> m = router.toMessage(StreamRecord.of(value, 1234L));
    assertThat(m.topic()).isEqualTo("events-click");
    assertThat(new String(m.key(), StandardCharsets.UTF_8)).isEqualTo("u1");
    assertThat(new String(m.value(), StandardCharsets.UTF_8)).isEqualTo("{\"kind\":\"click\",\"user\":\"u1\"}");
    assertThat(m.timestamp()).isEqualTo(1234L);
  }

  @Test
  void routerReportsAFailingTopicExpressionWithTheNodeAndTheExpression() {
    KafkaSinkSettings settings = KafkaSinkSettings.of("out", Map.of("topicExpression", "value.missing"), "k:9092");
    RecordRouter router = new RecordRouter(settings, RecordType.dynamicRecord(), new CelExpressionCompiler());
    assertThatThrownBy(() -> router.toMessage(StreamRecord.of(Map.of("kind", "x"))))
        .hasMessageContaining("kafka-sink node out").hasMessageContaining("topicExpression 'value.missing'");
  }

  @Test
  void routerRefusesRecordsTheProducerWouldFailOnAsUnwritableBeforeSendingThem() {
    KafkaSinkSettings settings = KafkaSinkSettings.of("out",
        Map.of("topicExpression", "value.t", "format", "bytes", "maxRequestSize", "1KB"), "k:9092");
    RecordRouter router = new RecordRouter(settings, RecordType.dynamicRecord(), new CelExpressionCompiler());
    assertThatThrownBy(() -> router.toMessage(StreamRecord.of(Map.of("t", "ok", "v", 1L))))
        .isInstanceOf(UnwritableRecordException.class)
        .hasMessageContaining("cannot write the record as bytes");
    assertThatThrownBy(() -> router.toMessage(StreamRecord.of(Map.of("t", "a b"))))
        .isInstanceOf(UnwritableRecordException.class)
        .hasMessageContaining("'a b', which is not a legal Kafka topic name");

    KafkaSinkSettings text = KafkaSinkSettings.of("out", Map.of("topic", "t", "format", "text",
        "maxRequestSize", "1KB"), "k:9092");
    RecordRouter textRouter = new RecordRouter(text, RecordType.dynamicRecord(), new CelExpressionCompiler());
    // the bound includes the batch and record overhead (~80 bytes): a 1,024-byte value does not fit in 1KB
    String fits = "x".repeat(900);
    assertThat(textRouter.toMessage(StreamRecord.of(fits)).value()).hasSize(900);
    assertThatThrownBy(() -> textRouter.toMessage(StreamRecord.of("x".repeat(1024))))
        .isInstanceOf(UnwritableRecordException.class)
        .hasMessageContaining("more than maxRequestSize 1024 bytes");
  }
}
