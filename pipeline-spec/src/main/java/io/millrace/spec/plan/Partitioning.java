package io.millrace.spec.plan;

/** How records travel along an edge from the source's subtasks to the target's subtasks. */
public enum Partitioning {
  /** Subtask i sends to subtask i; needs equal parallelism. The only edge that can be chained. */
  FORWARD,
  /** By key: key → key group (see {@link KeyGroups}) → the subtask owning that key group. */
  HASH,
  /** Round-robin over all target subtasks; used where parallelism changes. */
  REBALANCE,
  /** Every record to every target subtask. */
  BROADCAST
}
