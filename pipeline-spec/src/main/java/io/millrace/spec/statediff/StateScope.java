package io.millrace.spec.statediff;

/** Where a piece of state lives in a snapshot. */
public enum StateScope {
  /**
   * Keyed state of the task's keyed backend, addressed by (node id, name, kind, serializer
   * version): what the engine's {@code StateMetaInfo} records.
   */
  KEYED,
  /**
   * The node's operator (non-keyed) state: one list of entries per node id, redistributed on
   * rescale (source splits, sink commits, the watermark reached). The engine does not version it.
   */
  OPERATOR
}
