package io.millrace.engine.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.runtime.exchange.Batch;
import io.millrace.engine.runtime.exchange.ControlElement;
import io.millrace.engine.serialization.SerializationException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Every batch survives the network encoding unchanged: records (value, key, timestamp) and control elements. */
class BatchCodecPropertiesTest {

  @Property(tries = 400)
  void everyBatchRoundTrips(@ForAll("batches") List<Object> elements) {
    Batch batch = new Batch(elements.toArray(), elements.size());
    byte[] frame = new BatchCodec().encode(batch);
    Batch decoded = BatchCodec.decode(frame);
    assertThat(decoded.size()).isEqualTo(elements.size());
    assertThat(Arrays.asList(decoded.elements()).subList(0, decoded.size())).isEqualTo(elements);
  }

  @Property(tries = 100)
  void oneCodecReusedForManyBatchesGivesTheSameFramesAsFreshOnes(@ForAll("batches") List<Object> a,
      @ForAll("batches") List<Object> b) {
    BatchCodec reused = new BatchCodec(8); // tiny buffer: it must grow and then be reused
    byte[] first = reused.encode(new Batch(a.toArray(), a.size()));
    byte[] second = reused.encode(new Batch(b.toArray(), b.size()));
    assertThat(first).isEqualTo(new BatchCodec().encode(new Batch(a.toArray(), a.size())));
    assertThat(second).isEqualTo(new BatchCodec().encode(new Batch(b.toArray(), b.size())));
  }

  @Test
  void onlyTheBatchPrefixIsEncoded() {
    Object[] elements = {StreamRecord.of("a"), StreamRecord.of("b"), StreamRecord.of("never sent")};
    Batch decoded = BatchCodec.decode(new BatchCodec().encode(new Batch(elements, 2)));
    assertThat(decoded.size()).isEqualTo(2);
    assertThat(decoded.elements()).containsExactly(StreamRecord.of("a"), StreamRecord.of("b"));
  }

  @Test
  void corruptOrForeignFramesFailWithAPreciseMessage() {
    byte[] frame = new BatchCodec().encode(new Batch(new Object[] {StreamRecord.of(7L, 1000L)}, 1));
    byte[] otherVersion = frame.clone();
    otherVersion[0] = 9;
    assertThatThrownBy(() -> BatchCodec.decode(otherVersion)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("batch frame format 9 is not supported");
    byte[] truncated = Arrays.copyOf(frame, frame.length - 1);
    assertThatThrownBy(() -> BatchCodec.decode(truncated)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("truncated or corrupt");
    byte[] unknownTag = frame.clone();
    unknownTag[2] = 0x33;
    assertThatThrownBy(() -> BatchCodec.decode(unknownTag)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown batch element tag 0x33");
    assertThatThrownBy(() -> new BatchCodec().encode(new Batch(new Object[] {new Object()}, 1)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("cannot be sent over the network");
  }

  @Provide
  Arbitrary<List<Object>> batches() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, records()),
        net.jqwik.api.Tuple.of(1, controls())).list().ofMaxSize(40);
  }

  private Arbitrary<Object> records() {
    Arbitrary<Object> key = Arbitraries.oneOf(Arbitraries.just(null), scalars(),
        scalars().list().ofMaxSize(3).map(l -> (Object) l));
    Arbitrary<Long> timestamp = Arbitraries.oneOf(Arbitraries.just(StreamRecord.NO_TIMESTAMP),
        Arbitraries.longs(), Arbitraries.longs().between(1_600_000_000_000L, 1_900_000_000_000L),
        Arbitraries.just(Long.MAX_VALUE));
    return Combinators.combine(values(), key, timestamp).as(StreamRecord::new);
  }

  private Arbitrary<Object> values() {
    Arbitrary<Object> map = Arbitraries.maps(Arbitraries.strings().ofMaxLength(10),
        Arbitraries.oneOf(scalars(), scalars().list().ofMaxSize(4).map(l -> (Object) l))).ofMaxSize(6)
        .map(m -> (Object) new java.util.LinkedHashMap<>(m));
    return Arbitraries.oneOf(scalars(), map);
  }

  private Arbitrary<Object> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.strings().ofMaxLength(80).map(s -> (Object) s),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(null));
  }

  private Arbitrary<Object> controls() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(ControlElement.Watermark::new),
        Arbitraries.of(true, false).map(ControlElement.IdleMarker::new),
        Combinators.combine(Arbitraries.longs().greaterOrEqual(0), Arbitraries.of(true, false),
            Arbitraries.of(true, false)).as(ControlElement.Barrier::new),
        Arbitraries.just(ControlElement.EndOfInput.INSTANCE)).map(c -> (Object) c);
  }

  @Test
  void aTypicalBidRecordIsCompact() {
    Map<String, Object> bid = new java.util.LinkedHashMap<>();
    bid.put("auction", 1042L);
    bid.put("bidder", 20551L);
    bid.put("price", 4_250_000L);
    bid.put("channel", "Google");
    bid.put("dateTime", 1_700_000_123_456L);
    Object[] elements = new Object[256];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = new StreamRecord(bid, 1042L, 1_700_000_123_456L + i);
    }
    byte[] frame = new BatchCodec().encode(new Batch(elements, elements.length));
    // field names travel with every record (schemaless record model): ~70 bytes per bid
    assertThat(frame.length / 256).isLessThan(80);
  }
}
