package io.millrace.engine.runtime.checkpoint;

/** One subtask of one chain: {@code counts#1}. */
public record TaskId(String chain, int subtask) {
  @Override
  public String toString() {
    return chain + "#" + subtask;
  }
}
