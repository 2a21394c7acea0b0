package io.millrace.engine.operators;

import io.millrace.engine.api.TimerService;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The watermark an operator had reached at its last checkpoint, kept as operator state so that
 * after a restore records are judged late exactly as in a failure-free run: without it the
 * watermark restarts at {@code Long.MIN_VALUE} and records that were late before the failure would
 * be accepted (and change window results) until the first new watermark arrives.
 *
 * <p>One entry per subtask (8 bytes); after a rescale a subtask takes the MINIMUM of the entries it
 * receives — never more than any old subtask had seen — or none when it received none.
 */
public final class WatermarkMemory {

  private long restored = Long.MIN_VALUE;

  /** Reads the entries handed back on restore ({@code OperatorContext.restoredOperatorState()}). */
  public void restore(List<byte[]> entries) {
    long min = Long.MAX_VALUE;
    for (byte[] entry : entries) {
      if (entry.length == Long.BYTES) {
        min = Math.min(min, ByteBuffer.wrap(entry).getLong());
      }
    }
    restored = min == Long.MAX_VALUE ? Long.MIN_VALUE : min;
  }

  /** The effective watermark: the runtime's, or the restored one while the runtime's is still behind. */
  public long current(TimerService timers) {
    return Math.max(timers.currentWatermark(), restored);
  }

  /** The operator-state entry of this subtask at a checkpoint. */
  public List<byte[]> snapshot(TimerService timers) {
    return List.of(ByteBuffer.allocate(Long.BYTES).putLong(current(timers)).array());
  }
}
