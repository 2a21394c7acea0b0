package io.millrace.engine.runtime.alignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.runtime.exchange.ControlElement.Barrier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarrierAlignmentTest {

  /** Records what the state machine asks for. */
  static final class Recorder implements AlignmentContext {
    final List<String> actions = new ArrayList<>();
    final int channels;

    Recorder(int channels) {
      this.channels = channels;
    }

    @Override
    public int channelCount() {
      return channels;
    }

    @Override
    public boolean isFinished(int channel) {
      return false;
    }

    @Override
    public void block(int channel) {
      actions.add("block " + channel);
    }

    @Override
    public void unblockAll() {
      actions.add("unblock");
    }

    @Override
    public void snapshot(Barrier barrier) {
      actions.add("snapshot " + barrier.checkpointId());
    }

    @Override
    public void abort(long checkpointId, String reason) {
      actions.add("abort " + checkpointId);
    }
  }

  static Barrier barrier(long id) {
    return new Barrier(id, false, false);
  }

  @Test
  void channelsThatDeliveredTheBarrierAreBlockedUntilAllHave() throws Exception {
    Recorder context = new Recorder(3);
    AlignmentState state = AlignmentState.initial();
    state = state.onBarrier(0, barrier(1), context);
    assertThat(state).isInstanceOf(CollectingBarriers.class);
    state = state.onBarrier(2, barrier(1), context);
    assertThat(((CollectingBarriers) state).hasReceived(2)).isTrue();
    assertThat(context.actions).containsExactly("block 0", "block 2");
    state = state.onBarrier(1, barrier(1), context);
    assertThat(state).isEqualTo(new WaitingForBarriers(1));
    assertThat(context.actions).containsExactly("block 0", "block 2", "block 1", "unblock", "snapshot 1");
  }

  @Test
  void aSingleChannelSnapshotsAtOnce() throws Exception {
    Recorder context = new Recorder(1);
    AlignmentState state = AlignmentState.initial().onBarrier(0, barrier(4), context);
    assertThat(state).isEqualTo(new WaitingForBarriers(4));
    assertThat(context.actions).containsExactly("block 0", "unblock", "snapshot 4");
  }

  @Test
  void aNewerBarrierDuringAlignmentAbortsTheOlderCheckpoint() throws Exception {
    Recorder context = new Recorder(2);
    AlignmentState state = AlignmentState.initial().onBarrier(0, barrier(1), context);
    state = state.onBarrier(1, barrier(2), context);
    assertThat(state).isInstanceOf(CollectingBarriers.class);
    assertThat(((CollectingBarriers) state).checkpointId()).isEqualTo(2);
    assertThat(context.actions).containsExactly("block 0", "unblock", "abort 1", "block 1");
    state = state.onBarrier(0, barrier(1), context); // the stale one finally arrives: ignored
    state = state.onBarrier(0, barrier(2), context);
    assertThat(state).isEqualTo(new WaitingForBarriers(2));
    assertThat(context.actions).endsWith("snapshot 2");
  }

  @Test
  void lateBarriersOfACompletedOrAbortedCheckpointAreIgnored() throws Exception {
    Recorder context = new Recorder(2);
    AlignmentState state = new WaitingForBarriers(5).onBarrier(1, barrier(5), context);
    assertThat(state).isEqualTo(new WaitingForBarriers(5));
    assertThat(context.actions).isEmpty();
  }
}
