package io.millrace.engine.runtime.task;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.runtime.alignment.AlignmentContext;
import io.millrace.engine.runtime.alignment.AlignmentState;
import io.millrace.engine.runtime.checkpoint.CheckpointFailureReason;
import io.millrace.engine.runtime.checkpoint.TaskId;
import io.millrace.engine.runtime.exchange.ControlElement;
import io.millrace.engine.runtime.exchange.ControlElement.Barrier;
import io.millrace.engine.runtime.exchange.InputGate;
import io.millrace.engine.runtime.exchange.RecordWriter;
import io.millrace.engine.runtime.watermark.WatermarkValve;
import io.millrace.spec.plan.KeyGroupRange;
import java.util.List;

/**
 * A task reading exchanges: records go to the chain's head operator (input 0 or 1 by the channel's
 * edge), watermarks are combined over channels (minimum of the active ones), barriers are aligned
 * ({@link AlignmentState}), end of data on every channel ends the chain's input.
 */
public final class StreamTask extends Task implements AlignmentContext {

  private final InputGate gate;
  private final OperatorHost head;
  private final WatermarkValve valve;
  private AlignmentState alignment = AlignmentState.initial();
  private boolean idle;
  private boolean inputEnded;

  public StreamTask(TaskId id, TaskServices services, InputGate gate, List<OperatorHost> hosts,
      List<RecordWriter> writers, KeyGroupRange keyGroups, TaskMetrics metrics) {
    super(id, services, hosts, writers, keyGroups, metrics);
    this.gate = gate;
    this.head = hosts.get(0);
    this.valve = new WatermarkValve(gate.channelCount());
  }

  @Override
  protected void openOperators() throws Exception {
    gate.attachConsumer(Thread.currentThread());
    for (int i = hosts.size() - 1; i >= 0; i--) {
      openHost(hosts.get(i), id.subtask());
    }
  }

  @Override
  protected void onCancel() {
    gate.close(); // releases producers blocked on a full channel
  }

  @Override
  protected void runLoop() throws Exception {
    int processed = 0;
    while (true) {
      drainMailbox();
      checkCancelled();
      if (finalCheckpointCompleted()) {
        return;
      }
      if (finalSnapshotTaken()) {
        idleWait();
        continue;
      }
      Object element = gate.next();
      if (element == null) {
        idleWait();
        continue;
      }
      int channel = gate.lastChannel();
      if (element instanceof StreamRecord record) {
        metrics.recordIn();
        head.processRecord(gate.inputIndexOf(channel), record);
        if (++processed % 128 == 0) {
          advanceProcessingTime();
        }
      } else {
        processControl(channel, (ControlElement) element);
      }
    }
  }

  private void processControl(int channel, ControlElement element) throws Exception {
    if (element instanceof ControlElement.Watermark watermark) {
      advanceWatermark(valve.onWatermark(channel, watermark.timestamp()));
      updateIdle();
    } else if (element instanceof ControlElement.IdleMarker marker) {
      advanceWatermark(valve.onIdle(channel, marker.idle()));
      updateIdle();
    } else if (element instanceof Barrier barrier) {
      alignment = alignment.onBarrier(channel, barrier, this);
    } else if (element instanceof ControlElement.EndOfInput) {
      gate.finish(channel);
      if (gate.allFinished() && !inputEnded) {
        inputEnded = true;
        endInputOfChain();
        broadcast(ControlElement.EndOfInput.INSTANCE, true);
      }
    }
  }

  private void advanceWatermark(long watermark) throws Exception {
    if (watermark != WatermarkValve.NO_CHANGE) {
      metrics.watermark(watermark);
      head.processWatermark(watermark);
    }
  }

  /** All inputs idle → this task is idle for its consumers too (and active again when one wakes). */
  private void updateIdle() throws InterruptedException {
    boolean nowIdle = valve.allIdle();
    if (nowIdle != idle) {
      idle = nowIdle;
      broadcast(new ControlElement.IdleMarker(nowIdle), false);
    }
  }

  /** The current alignment state (tests, diagnostics). */
  public AlignmentState alignmentState() {
    return alignment;
  }

  // AlignmentContext: the state machine acts on the gate and the checkpoint.

  @Override
  public int channelCount() {
    return gate.channelCount();
  }

  @Override
  public boolean isFinished(int channel) {
    return false; // channels stay open until the final barrier, so every channel delivers every barrier
  }

  @Override
  public void block(int channel) {
    gate.block(channel);
  }

  @Override
  public void unblockAll() {
    gate.unblockAll();
  }

  @Override
  public void snapshot(Barrier barrier) throws Exception {
    performCheckpoint(barrier);
  }

  @Override
  public void abort(long checkpointId, String reason) {
    services.responder().decline(id, checkpointId, CheckpointFailureReason.SUBSUMED,
        new IllegalStateException(reason));
  }

  @Override
  protected void closeInput() {
    gate.close();
  }
}
