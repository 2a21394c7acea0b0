package io.millrace.engine.runtime.watermark;

import java.util.Arrays;

/**
 * Combines the watermarks of a task's input channels: the task's watermark is the minimum over
 * ACTIVE channels (an idle channel does not hold it back; an ended channel counts as
 * {@code Long.MAX_VALUE}). It only ever increases. When every channel is idle the task itself is
 * idle and says so downstream.
 *
 * <p>Each method returns the new combined watermark when it advanced, else {@link #NO_CHANGE}.
 */
public final class WatermarkValve {

  public static final long NO_CHANGE = Long.MIN_VALUE;

  private final long[] channelWatermark;
  private final boolean[] idle;
  private long combined = Long.MIN_VALUE;

  public WatermarkValve(int channels) {
    channelWatermark = new long[channels];
    Arrays.fill(channelWatermark, Long.MIN_VALUE);
    idle = new boolean[channels];
  }

  public long onWatermark(int channel, long watermark) {
    if (watermark > channelWatermark[channel]) {
      channelWatermark[channel] = watermark;
    }
    // A watermark means the channel is producing: it is active again.
    idle[channel] = false;
    return recompute();
  }

  public long onIdle(int channel, boolean isIdle) {
    idle[channel] = isIdle;
    return recompute();
  }

  public long onEndOfInput(int channel) {
    channelWatermark[channel] = Long.MAX_VALUE;
    idle[channel] = false;
    return recompute();
  }

  /** True when every channel is idle: the task should tell its consumers it is idle. */
  public boolean allIdle() {
    for (boolean b : idle) {
      if (!b) {
        return false;
      }
    }
    return idle.length > 0;
  }

  public long current() {
    return combined;
  }

  private long recompute() {
    long min = Long.MAX_VALUE;
    boolean anyActive = false;
    for (int c = 0; c < channelWatermark.length; c++) {
      if (!idle[c]) {
        anyActive = true;
        min = Math.min(min, channelWatermark[c]);
      }
    }
    if (!anyActive || min <= combined) {
      return NO_CHANGE;
    }
    combined = min;
    return min;
  }
}
