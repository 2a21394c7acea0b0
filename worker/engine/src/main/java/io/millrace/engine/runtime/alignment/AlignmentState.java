package io.millrace.engine.runtime.alignment;

import io.millrace.engine.runtime.exchange.ControlElement.Barrier;

/** A state of barrier alignment; every event returns the next state (possibly itself). */
public sealed interface AlignmentState permits WaitingForBarriers, CollectingBarriers {

  AlignmentState onBarrier(int channel, Barrier barrier, AlignmentContext context) throws Exception;

  AlignmentState onEndOfInput(int channel, AlignmentContext context) throws Exception;

  /** The initial state of a task. */
  static AlignmentState initial() {
    return new WaitingForBarriers(0);
  }

  /** Starts collecting {@code barrier}, first seen on {@code channel}; completes at once if nothing else is live. */
  static AlignmentState startWith(int channel, Barrier barrier, AlignmentContext context) throws Exception {
    return new CollectingBarriers(barrier, new boolean[context.channelCount()], 0)
        .onBarrier(channel, barrier, context);
  }
}
