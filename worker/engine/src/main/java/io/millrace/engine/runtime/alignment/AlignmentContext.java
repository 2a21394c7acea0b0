package io.millrace.engine.runtime.alignment;

import io.millrace.engine.runtime.exchange.ControlElement.Barrier;

/** What the alignment states act on: the task's input channels and its checkpoint actions. */
public interface AlignmentContext {

  int channelCount();

  /** The channel ended: it can deliver no barrier and counts as aligned. */
  boolean isFinished(int channel);

  void block(int channel);

  void unblockAll();

  /** All live channels delivered the barrier: snapshot and forward it. */
  void snapshot(Barrier barrier) throws Exception;

  /** A newer barrier overtook an alignment in progress: the older checkpoint cannot complete here. */
  void abort(long checkpointId, String reason);
}
