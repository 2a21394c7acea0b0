package io.millrace.engine.runtime.alignment;

import io.millrace.engine.runtime.exchange.ControlElement.Barrier;

/**
 * Aligning checkpoint {@code barrier.checkpointId()}: the channels that delivered it are blocked.
 * Completes when every live (not ended) channel has delivered it.
 */
public final class CollectingBarriers implements AlignmentState {

  private final Barrier barrier;
  private final boolean[] received;
  private int receivedCount;

  CollectingBarriers(Barrier barrier, boolean[] received, int receivedCount) {
    this.barrier = barrier;
    this.received = received;
    this.receivedCount = receivedCount;
  }

  public long checkpointId() {
    return barrier.checkpointId();
  }

  public boolean hasReceived(int channel) {
    return received[channel];
  }

  @Override
  public AlignmentState onBarrier(int channel, Barrier next, AlignmentContext context) throws Exception {
    long id = barrier.checkpointId();
    if (next.checkpointId() < id) {
      return this; // stale barrier of an older, already aborted checkpoint
    }
    if (next.checkpointId() > id) {
      // A newer checkpoint overtook this one on some channel: this one can never align here.
      context.unblockAll();
      context.abort(id, "barrier of checkpoint " + next.checkpointId() + " arrived during alignment");
      return AlignmentState.startWith(channel, next, context);
    }
    if (!received[channel]) {
      received[channel] = true;
      receivedCount++;
      context.block(channel);
    }
    return completeIfAligned(context);
  }

  @Override
  public AlignmentState onEndOfInput(int channel, AlignmentContext context) throws Exception {
    return completeIfAligned(context);
  }

  private AlignmentState completeIfAligned(AlignmentContext context) throws Exception {
    for (int c = 0; c < received.length; c++) {
      if (!received[c] && !context.isFinished(c)) {
        return this;
      }
    }
    context.unblockAll();
    context.snapshot(barrier);
    return new WaitingForBarriers(barrier.checkpointId());
  }

  @Override
  public String toString() {
    return "CollectingBarriers[" + barrier.checkpointId() + ", " + receivedCount + "/" + received.length + "]";
  }
}
