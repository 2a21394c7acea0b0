package io.millrace.engine.runtime.exchange;

import java.util.List;

/**
 * All input channels of one consumer subtask, read one element at a time in round-robin over
 * channels (batch by batch). A channel can be BLOCKED (barrier alignment): its remaining elements,
 * even the rest of a half-read batch, stay queued until it is unblocked.
 */
public final class InputGate {

  private final Channel[] channels;
  private final int[] inputIndex;
  private final Batch[] current;
  private final int[] position;
  private final boolean[] blocked;
  private final boolean[] finished;
  private int cursor;
  private int lastChannel = -1;
  private int finishedCount;

  /**
   * @param channels the channels
   * @param inputIndex for each channel, the logical input it feeds (0, or 1 for two-input operators)
   */
  public InputGate(List<Channel> channels, int[] inputIndex) {
    if (channels.size() != inputIndex.length) {
      throw new IllegalArgumentException("one input index per channel");
    }
    this.channels = channels.toArray(Channel[]::new);
    this.inputIndex = inputIndex.clone();
    this.current = new Batch[this.channels.length];
    this.position = new int[this.channels.length];
    this.blocked = new boolean[this.channels.length];
    this.finished = new boolean[this.channels.length];
  }

  /** Makes {@code thread} the one woken when data arrives. */
  public void attachConsumer(Thread thread) {
    for (Channel channel : channels) {
      channel.attachConsumer(thread);
    }
  }

  public int channelCount() {
    return channels.length;
  }

  /** The next element of an unblocked channel, or null when none is available right now. */
  public Object next() {
    int n = channels.length;
    for (int tried = 0; tried < n; tried++) {
      int c = cursor;
      if (!blocked[c]) {
        Batch batch = current[c];
        if (batch == null) {
          batch = channels[c].poll();
          if (batch != null) {
            current[c] = batch;
            position[c] = 0;
          }
        }
        if (batch != null) {
          Object element = batch.elements()[position[c]++];
          if (position[c] == batch.size()) {
            current[c] = null;
            cursor = (c + 1) % n; // a whole batch per turn, then the next channel: fairness
          }
          lastChannel = c;
          return element;
        }
      }
      cursor = (c + 1) % n;
    }
    return null;
  }

  /** The channel the last {@link #next()} element came from. */
  public int lastChannel() {
    return lastChannel;
  }

  public int inputIndexOf(int channel) {
    return inputIndex[channel];
  }

  public void block(int channel) {
    blocked[channel] = true;
  }

  public void unblockAll() {
    java.util.Arrays.fill(blocked, false);
  }

  public boolean isBlocked(int channel) {
    return blocked[channel];
  }

  /** Marks a channel's DATA as ended ({@link ControlElement.EndOfInput}); it stays readable for the final barrier. */
  public void finish(int channel) {
    if (!finished[channel]) {
      finished[channel] = true;
      finishedCount++;
    }
  }

  public boolean isFinished(int channel) {
    return finished[channel];
  }

  public boolean allFinished() {
    return finishedCount == channels.length;
  }

  /** True when every channel feeding {@code input} ended. */
  public boolean inputFinished(int input) {
    for (int c = 0; c < channels.length; c++) {
      if (inputIndex[c] == input && !finished[c]) {
        return false;
      }
    }
    return true;
  }

  public void close() {
    for (Channel channel : channels) {
      channel.close();
    }
  }
}
