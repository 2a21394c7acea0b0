package io.millrace.spec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StableHashTest {

  @Test
  void matchesReferenceMurmur3x64_128ForEveryTailLength() {
    // Guava (on the test classpath through CEL) is the independent reference implementation.
    Random random = new Random(1);
    for (int length = 0; length < 100; length++) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      assertThat(StableHash.murmur3(data)).as("length %d", length)
          .isEqualTo(Hashing.murmur3_128().hashBytes(data).asLong());
    }
  }

  @Test
  void stringsHashTheirUtf8BytesAndIntsTheirLittleEndianBytes() {
    assertThat(StableHash.hash64("héllo"))
        .isEqualTo(Hashing.murmur3_128().hashString("héllo", StandardCharsets.UTF_8).asLong());
    assertThat(StableHash.hash64(42L)).isEqualTo(Hashing.murmur3_128().hashLong(42L).asLong());
  }

  @Test
  void compositeValuesAreDistinguishedAndMapsIgnoreOrder() {
    assertThat(StableHash.hash64(List.of("a", "b"))).isNotEqualTo(StableHash.hash64(List.of("ab")));
    assertThat(StableHash.hash64(List.of(1L))).isNotEqualTo(StableHash.hash64(List.of("1")));
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("a", 1L);
    ab.put("b", 2L);
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("b", 2L);
    ba.put("a", 1L);
    assertThat(StableHash.hash64(ab)).isEqualTo(StableHash.hash64(ba));
    assertThat(StableHash.hash64(0.0)).isEqualTo(StableHash.hash64(-0.0));
  }
}
