package io.millrace.spec.plan;

import io.millrace.spec.expr.StableHash;

/**
 * Key → key group → subtask, with Apache Flink's arithmetic, so that rescaling moves whole key
 * groups and a key's state is always found in the same key group.
 *
 * <ul>
 *   <li>key group of a key = murmur-mixed stable hash of the key, modulo maxParallelism;
 *   <li>subtask {@code i} of {@code p} owns key groups {@code ceil(i·maxP/p) ..
 *       ceil((i+1)·maxP/p) − 1};
 *   <li>the owner of key group {@code g} is {@code g·p / maxP} (integer division), consistent with
 *       the ranges.
 * </ul>
 *
 * <p>The hash is {@link StableHash#hash64}, never {@code hashCode()}: key groups address state in
 * checkpoints and must not change between JVMs or versions.
 */
public final class KeyGroups {

  /** Same upper bound as Flink (2^15): key group ids fit in a short prefix of state keys. */
  public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

  /** maxParallelism when the spec does not set one. */
  public static final int DEFAULT_MAX_PARALLELISM = 128;

  private KeyGroups() {}

  /** The key group (0..maxParallelism−1) of a key given as a record-model value. */
  public static int keyGroupFor(Object key, int maxParallelism) {
    checkMax(maxParallelism);
    long hash = StableHash.hash64(key);
    int mixed = StableHash.fmix32((int) (hash ^ (hash >>> 32)));
    return Math.floorMod(mixed, maxParallelism);
  }

  /** The key groups owned by subtask {@code index} of an operator with {@code parallelism}. */
  public static KeyGroupRange rangeFor(int maxParallelism, int parallelism, int index) {
    checkMax(maxParallelism);
    if (parallelism < 1 || parallelism > maxParallelism) {
      throw new IllegalArgumentException(
          "parallelism must be in 1.." + maxParallelism + ", was " + parallelism);
    }
    if (index < 0 || index >= parallelism) {
      throw new IllegalArgumentException("subtask index must be in 0.." + (parallelism - 1));
    }
    // long arithmetic: i * maxP cannot overflow for maxP <= 2^15 anyway, but stay obviously safe.
    int start = (int) (((long) index * maxParallelism + parallelism - 1) / parallelism);
    int end = (int) (((long) (index + 1) * maxParallelism - 1) / parallelism);
    return new KeyGroupRange(start, end);
  }

  /** The subtask index owning a key group. */
  public static int subtaskFor(int keyGroup, int maxParallelism, int parallelism) {
    checkMax(maxParallelism);
    if (keyGroup < 0 || keyGroup >= maxParallelism) {
      throw new IllegalArgumentException("key group must be in 0.." + (maxParallelism - 1));
    }
    return (int) ((long) keyGroup * parallelism / maxParallelism);
  }

  private static void checkMax(int maxParallelism) {
    if (maxParallelism < 1 || maxParallelism > UPPER_BOUND_MAX_PARALLELISM) {
      throw new IllegalArgumentException("maxParallelism must be in 1.."
          + UPPER_BOUND_MAX_PARALLELISM + ", was " + maxParallelism);
    }
  }
}
