package io.millrace.connector.kafka.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

class KafkaSplitCodecTest {

  @Property
  void partitionSplitsRoundTrip(@ForAll @StringLength(min = 1, max = 40) String topic,
      @ForAll @IntRange(min = 0, max = 10_000) int partition, @ForAll @LongRange(min = 0) long next,
      @ForAll @LongRange(min = -1) long stop) {
    KafkaSplit split = new KafkaSplit.PartitionSplit(topic, partition, next, stop);
    assertThat(KafkaSplitCodec.INSTANCE.decode(KafkaSplitCodec.INSTANCE.encode(split))).isEqualTo(split);
  }

  @Property
  void discoverySplitsRoundTrip(@ForAll Map<@StringLength(min = 1, max = 20) String, @IntRange(min = 1, max = 999) Integer> counts) {
    KafkaSplit split = new KafkaSplit.DiscoverySplit(counts);
    assertThat(KafkaSplitCodec.INSTANCE.decode(KafkaSplitCodec.INSTANCE.encode(split))).isEqualTo(split);
  }

  @Property(tries = 50)
  void aFutureVersionIsRefusedWithAReason(@ForAll @IntRange(min = 2, max = 127) int version) {
    byte[] bytes = KafkaSplitCodec.INSTANCE.encode(new KafkaSplit.PartitionSplit("t", 0, 5, -1));
    bytes[0] = (byte) version;
    assertThatThrownBy(() -> KafkaSplitCodec.INSTANCE.decode(bytes))
        .hasMessage("kafka split: unknown format version " + version + " (this build reads 1)");
  }

  @Property(tries = 10)
  void finishedOnlyWhenBoundedAndAtTheStop(@ForAll @LongRange(min = 0, max = 100) long next) {
    assertThat(new KafkaSplit.PartitionSplit("t", 0, next, -1).finished()).isFalse();
    assertThat(new KafkaSplit.PartitionSplit("t", 0, next, 50).finished()).isEqualTo(next >= 50);
  }
}
