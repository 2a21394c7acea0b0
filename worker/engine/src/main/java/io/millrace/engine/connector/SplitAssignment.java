package io.millrace.engine.connector;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreads splits (fresh, or restored from every old subtask) over subtasks: split {@code i} of the
 * list goes to subtask {@code i mod parallelism}. Deterministic, so every subtask computes its share
 * alone and the same input always gives the same assignment.
 */
public final class SplitAssignment {

  private SplitAssignment() {}

  public static <T> List<T> share(List<T> all, int subtaskIndex, int parallelism) {
    if (subtaskIndex < 0 || subtaskIndex >= parallelism) {
      throw new IllegalArgumentException("subtask " + subtaskIndex + " of " + parallelism);
    }
    List<T> mine = new ArrayList<>();
    for (int i = subtaskIndex; i < all.size(); i += parallelism) {
      mine.add(all.get(i));
    }
    return mine;
  }
}
