package io.millrace.spec.plan;

/**
 * A contiguous, inclusive range of key groups owned by one subtask of a keyed operator.
 *
 * @param start first key group (inclusive)
 * @param end last key group (inclusive); {@code end < start} means empty
 */
public record KeyGroupRange(int start, int end) {

  public KeyGroupRange {
    if (start < 0 || end < start - 1) {
      throw new IllegalArgumentException("invalid key group range " + start + ".." + end);
    }
  }

  public int size() {
    return end - start + 1;
  }

  public boolean contains(int keyGroup) {
    return keyGroup >= start && keyGroup <= end;
  }

  @Override
  public String toString() {
    return start + ".." + end;
  }
}
