package io.millrace.spec.plan;

import java.util.Objects;

/**
 * One parallel instance of a chain: the unit the scheduler places into a worker slot.
 *
 * @param chain the chain id
 * @param index 0-based subtask index
 * @param keyGroups the key groups it owns if the chain is keyed, else null
 */
public record Subtask(String chain, int index, KeyGroupRange keyGroups) {
  public Subtask {
    Objects.requireNonNull(chain, "chain");
  }
}
