package io.millrace.engine.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round-trip and determinism properties of the record codec over random nested values. */
class RecordCodecPropertiesTest {

  @Property(tries = 500)
  void everyRecordModelValueRoundTrips(@ForAll("values") Object value) {
    BinaryWriter out = new BinaryWriter(8);
    out.writeByte(0x5A); // values need not start at offset 0
    RecordCodec.encode(value, out);
    out.writeByte(0xA5); // and must not read past their end
    BinaryReader in = new BinaryReader(out.buffer(), 1, out.position() - 1);
    Object decoded = RecordCodec.decode(in);
    assertThat(deepEquals(value, decoded)).as("decoded %s", decoded).isTrue();
    assertThat(in.remaining()).isEqualTo(1);
    assertThat(in.readUnsignedByte()).isEqualTo(0xA5);
  }

  @Property(tries = 300)
  void keyEncodingIgnoresMapIterationOrder(@ForAll("maps") Map<String, Object> map) {
    List<Map.Entry<String, Object>> entries = new ArrayList<>(map.entrySet());
    Collections.reverse(entries);
    Map<String, Object> reversed = new LinkedHashMap<>();
    entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
    assertThat(Serializers.KEY.toBytes(List.of(reversed)))
        .isEqualTo(Serializers.KEY.toBytes(List.of(map)));
  }

  @Property(tries = 500)
  void stringsEncodeExactlyLikeTheJdk(@ForAll String s) {
    BinaryWriter out = new BinaryWriter(4);
    out.writeString(s);
    BinaryReader in = new BinaryReader(out.toByteArray());
    byte[] jdk = s.getBytes(StandardCharsets.UTF_8);
    assertThat(in.readVarInt()).isEqualTo(jdk.length);
    assertThat(in.readBytes(jdk.length)).isEqualTo(jdk);
  }

  @Property(tries = 500)
  void longsRoundTripInEveryEncoding(@ForAll long v) {
    BinaryWriter out = new BinaryWriter(4);
    out.writeZigZagLong(v).writeVarLong(v).writeLong(v).writeSortableLong(v)
        .writeVarInt((int) v).writeInt((int) v);
    BinaryReader in = new BinaryReader(out.toByteArray());
    assertThat(in.readZigZagLong()).isEqualTo(v);
    assertThat(in.readVarLong()).isEqualTo(v);
    assertThat(in.readLong()).isEqualTo(v);
    assertThat(in.readSortableLong()).isEqualTo(v);
    assertThat(in.readVarInt()).isEqualTo((int) v);
    assertThat(in.readInt()).isEqualTo((int) v);
    assertThat(in.hasRemaining()).isFalse();
  }

  @Property(tries = 500)
  void sortableLongsSortByteWiseLikeSignedLongs(@ForAll long a, @ForAll long b) {
    byte[] x = new BinaryWriter(8).writeSortableLong(a).toByteArray();
    byte[] y = new BinaryWriter(8).writeSortableLong(b).toByteArray();
    assertThat(Integer.signum(Arrays.compareUnsigned(x, y)))
        .isEqualTo(Integer.signum(Long.compare(a, b)));
  }

  @Provide
  Arbitrary<Object> values() {
    return value(3);
  }

  @Provide
  Arbitrary<Map<String, Object>> maps() {
    return Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(6), leaf())
        .ofMaxSize(8);
  }

  private Arbitrary<Object> value(int depth) {
    if (depth == 0) {
      return leaf();
    }
    Arbitrary<Object> child = Arbitraries.lazy(() -> value(depth - 1));
    Arbitrary<Object> list = child.list().ofMaxSize(5).map(l -> (Object) l);
    Arbitrary<Object> map = Arbitraries.maps(Arbitraries.strings().ofMaxLength(10), child)
        .ofMaxSize(5).map(m -> (Object) new LinkedHashMap<>(m));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, leaf()), net.jqwik.api.Tuple.of(1, list),
        net.jqwik.api.Tuple.of(1, map));
  }

  private Arbitrary<Object> leaf() {
    Arbitrary<Object> text = Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(70),
        Arbitraries.of("", "é", "日本語テキスト", "emoji 😀 pair", "x".repeat(63), "y".repeat(64),
            "é".repeat(32)));
    return Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.longs().between(-40, 100).map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(Double.NaN, -0.0, Double.NEGATIVE_INFINITY).map(d -> (Object) d),
        text.map(s -> (Object) s),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(b -> (Object) b),
        Combinators.combine(Arbitraries.longs().between(-31_000_000_000L, 31_000_000_000L),
            Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond)
            .map(i -> (Object) i),
        Combinators.combine(Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
            Arbitraries.integers().between(0, 999_999_999)).as((s, n) -> Duration.ofSeconds(s, n))
            .map(d -> (Object) d));
  }

  /** Equality with byte arrays compared by content. */
  static boolean deepEquals(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!deepEquals(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!new ArrayList<>(x.keySet()).equals(new ArrayList<>(y.keySet()))) {
        return false; // field order is kept
      }
      return x.keySet().stream().allMatch(k -> deepEquals(x.get(k), y.get(k)));
    }
    return Objects.equals(a, b);
  }
}
