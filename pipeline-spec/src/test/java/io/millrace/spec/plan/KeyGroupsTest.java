package io.millrace.spec.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyGroupsTest {

  @Test
  void rangesCoverAllKeyGroupsWithoutGapOrOverlapForEveryParallelism() {
    for (int maxP : new int[] {1, 2, 7, 128, 1000}) {
      for (int p = 1; p <= maxP; p++) {
        int next = 0;
        for (int i = 0; i < p; i++) {
          KeyGroupRange range = KeyGroups.rangeFor(maxP, p, i);
          assertThat(range.start()).as("maxP=%d p=%d i=%d", maxP, p, i).isEqualTo(next);
          assertThat(range.size()).as("maxP=%d p=%d i=%d", maxP, p, i)
              .isBetween(maxP / p, maxP / p + 1);
          next = range.end() + 1;
        }
        assertThat(next).as("maxP=%d p=%d", maxP, p).isEqualTo(maxP);
      }
    }
  }

  @Test
  void rangesUseFlinksArithmetic() {
    // ceil(i*128/3) .. ceil((i+1)*128/3) - 1
    assertThat(KeyGroups.rangeFor(128, 3, 0)).isEqualTo(new KeyGroupRange(0, 42));
    assertThat(KeyGroups.rangeFor(128, 3, 1)).isEqualTo(new KeyGroupRange(43, 85));
    assertThat(KeyGroups.rangeFor(128, 3, 2)).isEqualTo(new KeyGroupRange(86, 127));
    assertThat(KeyGroups.rangeFor(128, 2, 1)).isEqualTo(new KeyGroupRange(64, 127));
  }

  @Test
  void ownerOfAKeyGroupIsTheSubtaskWhoseRangeContainsIt() {
    for (int maxP : new int[] {5, 128, 300}) {
      for (int p = 1; p <= maxP; p++) {
        for (int g = 0; g < maxP; g++) {
          int owner = KeyGroups.subtaskFor(g, maxP, p);
          assertThat(KeyGroups.rangeFor(maxP, p, owner).contains(g))
              .as("maxP=%d p=%d g=%d", maxP, p, g).isTrue();
        }
      }
    }
  }

  @Test
  void rescalingMovesWholeKeyGroupsOnly() {
    // A key's group never depends on parallelism: only the owner of the group changes.
    Random random = new Random(7);
    for (int n = 0; n < 1000; n++) {
      String key = "user-" + random.nextInt(1_000_000);
      int group = KeyGroups.keyGroupFor(key, 128);
      for (int p = 1; p <= 128; p *= 2) {
        int owner = KeyGroups.subtaskFor(group, 128, p);
        assertThat(KeyGroups.rangeFor(128, p, owner).contains(group)).isTrue();
      }
    }
  }

  @Test
  void assignmentIsStableAndSpreadsKeys() {
    // Pinned values: a change here would silently move state of running jobs between key groups.
    assertThat(KeyGroups.keyGroupFor("alice", 128)).isEqualTo(KeyGroups.keyGroupFor("alice", 128));
    assertThat(List.of(
        KeyGroups.keyGroupFor("alice", 128),
        KeyGroups.keyGroupFor(42L, 128),
        KeyGroups.keyGroupFor(new byte[] {1, 2, 3}, 128),
        KeyGroups.keyGroupFor(List.of("a", 1L), 128)))
        .isEqualTo(PINNED);
    assertThat(KeyGroups.keyGroupFor(new byte[] {1, 2, 3}, 128))
        .as("byte arrays hash by content, not identity")
        .isEqualTo(KeyGroups.keyGroupFor(new byte[] {1, 2, 3}, 128));
    assertThat(KeyGroups.keyGroupFor(42, 128)).as("Integer and Long are the same key")
        .isEqualTo(KeyGroups.keyGroupFor(42L, 128));

    int[] counts = new int[128];
    for (int i = 0; i < 128_000; i++) {
      counts[KeyGroups.keyGroupFor("key-" + i, 128)]++;
    }
    for (int count : counts) {
      assertThat(count).isBetween(800, 1200);
    }
  }

  // Golden values of the (Guava-verified) murmur3 hash; they must never change.
  static final List<Integer> PINNED = List.of(22, 47, 53, 59);

  @Test
  void rejectsArgumentsOutsideTheModel() {
    assertThatThrownBy(() -> KeyGroups.rangeFor(128, 129, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyGroups.rangeFor(128, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyGroups.keyGroupFor("a", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyGroups.subtaskFor(128, 128, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
