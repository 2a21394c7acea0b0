package io.millrace.spec.statediff;

/**
 * What happens to the state of one node when a pipeline moves from one version to the next
 * (DESIGN.md §8.1). Ordered from harmless to harmful where it matters: {@link #DROPPED} is the one
 * a deploy must have confirmed.
 */
public enum Change {
  /** Same states, same layout, same behaviour: restored as is. */
  KEPT,
  /** Restored as is, but a setting that only affects behaviour changed (TTL, lateness, parallelism...). */
  COMPATIBLE,
  /** State of the old version that the new version cannot use: it is not restored. */
  DROPPED,
  /** A stateful node (or state) that only the new version has: it starts empty. */
  NEW,
  /** The node keeps no state in either version. */
  STATELESS
}
