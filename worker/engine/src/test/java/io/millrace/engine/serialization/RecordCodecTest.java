package io.millrace.engine.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

  private static byte[] encode(Object v) {
    BinaryWriter out = new BinaryWriter();
    RecordCodec.encode(v, out);
    return out.toByteArray();
  }

  @Test
  void smallIntsAndShortStringsTakeOneTagByteAndNoLength() {
    assertThat(encode(0L)).hasSize(1);
    assertThat(encode(-32L)).hasSize(1);
    assertThat(encode(95L)).hasSize(1);
    assertThat(encode(96L)).hasSize(3); // tag + 2-byte zig-zag varint
    assertThat(encode("")).hasSize(1);
    assertThat(encode("price")).hasSize(6);
    assertThat(encode("x".repeat(63))).hasSize(64);
    assertThat(encode("x".repeat(64))).hasSize(66); // tag + varint length + bytes
    assertThat(encode(true)).hasSize(1);
    assertThat(encode(null)).hasSize(1);
  }

  @Test
  void aNexmarkBidIsCompact() {
    Map<String, Object> bid = new LinkedHashMap<>();
    bid.put("auction", 1_000_123L);
    bid.put("bidder", 2_001_456L);
    bid.put("price", 4_711L);
    bid.put("channel", "Google");
    bid.put("url", "https://www.nexmark.com/abc/def/item.htm?query=1");
    bid.put("dateTime", 1_700_000_000_123L);
    bid.put("extra", "");
    assertThat(encode(bid)).hasSizeLessThan(130);
    assertThat(RecordCodec.decode(new BinaryReader(encode(bid)))).isEqualTo(bid);
  }

  @Test
  void numbersAreNormalisedLikeTheRecordModel() {
    assertThat(RecordCodec.decode(new BinaryReader(encode(7)))).isEqualTo(7L);
    assertThat(RecordCodec.decode(new BinaryReader(encode((short) -300)))).isEqualTo(-300L);
    assertThat(RecordCodec.decode(new BinaryReader(encode(1.5f)))).isEqualTo(1.5);
    assertThat(RecordCodec.decode(new BinaryReader(encode(BigInteger.TEN)))).isEqualTo(10L);
    assertThat(RecordCodec.decode(new BinaryReader(encode(new BigDecimal("2.25")))))
        .isEqualTo(2.25);
    assertThat(Serializers.KEY.toBytes(5)).isEqualTo(Serializers.KEY.toBytes(5L));
  }

  @Test
  void badInputFailsWithWhereAndWhy() {
    assertThatThrownBy(() -> encode(new Object()))
        .isInstanceOf(SerializationException.class).hasMessageContaining("record model");
    assertThatThrownBy(() -> encode(Map.of(1, "x")))
        .isInstanceOf(SerializationException.class).hasMessageContaining("string field names");
    assertThatThrownBy(() -> encode(BigInteger.TWO.pow(70)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("64-bit");
    assertThatThrownBy(() -> RecordCodec.decode(new BinaryReader(new byte[] {0x20})))
        .isInstanceOf(SerializationException.class).hasMessageContaining("unknown record tag 0x20")
        .hasMessageContaining("offset 0");
    byte[] truncated = encode("a longer string that is cut".repeat(3));
    assertThatThrownBy(() -> RecordCodec.decode(new BinaryReader(truncated, 0, 10)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("truncated");
  }

  @Test
  void builtInSerializersRoundTripAndListVersionsFollowElements() {
    assertThat(Serializers.LONG.fromBytes(Serializers.LONG.toBytes(-5L))).isEqualTo(-5L);
    assertThat(Serializers.DOUBLE.fromBytes(Serializers.DOUBLE.toBytes(2.5))).isEqualTo(2.5);
    assertThat(Serializers.STRING.fromBytes(Serializers.STRING.toBytes("ü"))).isEqualTo("ü");
    assertThat(Serializers.BOOLEAN.fromBytes(Serializers.BOOLEAN.toBytes(true))).isTrue();
    var list = Serializers.listOf(Serializers.STRING);
    assertThat(list.fromBytes(list.toBytes(List.of("a", "b")))).containsExactly("a", "b");
    ValueSerializer<String> stringV2 = new ValueSerializer<>() {
      @Override
      public void serialize(String value, BinaryWriter out) {
        Serializers.STRING.serialize(value, out);
      }

      @Override
      public String deserialize(BinaryReader in) {
        return Serializers.STRING.deserialize(in);
      }

      @Override
      public int version() {
        return 2;
      }
    };
    assertThat(list.version()).isNotEqualTo(Serializers.listOf(stringV2).version());
  }
}
