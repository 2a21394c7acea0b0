package io.millrace.engine.runtime.alignment;

import io.millrace.engine.runtime.exchange.ControlElement.Barrier;

/**
 * No checkpoint in progress on this task; all channels flow.
 *
 * @param lastCheckpointId the last checkpoint snapshotted or aborted here: its late barriers are ignored
 */
public record WaitingForBarriers(long lastCheckpointId) implements AlignmentState {

  @Override
  public AlignmentState onBarrier(int channel, Barrier barrier, AlignmentContext context) throws Exception {
    if (barrier.checkpointId() <= lastCheckpointId) {
      return this; // a barrier of an aborted checkpoint arriving late on a slow channel
    }
    return AlignmentState.startWith(channel, barrier, context);
  }

  @Override
  public AlignmentState onEndOfInput(int channel, AlignmentContext context) {
    return this;
  }
}
