package io.millrace.engine.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InProcessCheckpointCoordinatorTest {

  static final class FakeTask implements TaskCheckpointGateway {
    final TaskId id;
    final List<String> calls = new ArrayList<>();

    FakeTask(String chain, int index) {
      this.id = new TaskId(chain, index);
    }

    @Override
    public TaskId id() {
      return id;
    }

    @Override
    public synchronized void triggerCheckpoint(long checkpointId, boolean savepoint, boolean finalCheckpoint) {
      calls.add("trigger " + checkpointId + (finalCheckpoint ? " final" : ""));
    }

    @Override
    public synchronized void notifyCheckpointComplete(long checkpointId) {
      calls.add("complete " + checkpointId);
    }

    @Override
    public synchronized void notifyCheckpointAborted(long checkpointId) {
      calls.add("aborted " + checkpointId);
    }
  }

  FakeTask source = new FakeTask("src", 0);
  FakeTask middle = new FakeTask("mid", 0);
  FakeTask sink = new FakeTask("out", 0);
  List<CompletedCheckpoint> completed = new ArrayList<>();

  InProcessCheckpointCoordinator coordinator(Duration timeout) {
    var c = new InProcessCheckpointCoordinator("job", 1, timeout, completed::add);
    c.register(source, true);
    c.register(middle, false);
    c.register(sink, false);
    return c;
  }

  static TaskStateSnapshot ack(FakeTask task, long id) {
    return new TaskStateSnapshot(task.id, id, Map.of(task.id.chain(), List.of(new byte[] {1})), null);
  }

  @Test
  void completesOnlyWhenEveryTaskAcknowledgedThenNotifiesAll() throws Exception {
    try (var coordinator = coordinator(Duration.ofMinutes(1))) {
      CompletableFuture<CompletedCheckpoint> future = coordinator.triggerCheckpoint();
      assertThat(source.calls).containsExactly("trigger 1");
      assertThat(middle.calls).isEmpty(); // barriers reach non-sources through the data flow
      coordinator.acknowledge(ack(source, 1));
      coordinator.acknowledge(ack(sink, 1));
      assertThat(future).isNotDone();
      assertThat(coordinator.triggerCheckpoint()).isCompletedExceptionally(); // one at a time
      coordinator.acknowledge(ack(middle, 1));
      CompletedCheckpoint checkpoint = future.get(5, TimeUnit.SECONDS);
      assertThat(checkpoint.tasks()).hasSize(3);
      assertThat(checkpoint.operatorStateSizes()).containsEntry("src", 1).containsEntry("out", 1);
      assertThat(coordinator.latestCompleted()).contains(checkpoint);
      assertThat(completed).containsExactly(checkpoint);
      for (FakeTask task : List.of(source, middle, sink)) {
        assertThat(task.calls).contains("complete 1");
      }
    }
  }

  @Test
  void aDeclineFailsTheCheckpointWithTheTypedReasonAndTheTask() {
    try (var coordinator = coordinator(Duration.ofMinutes(1))) {
      CompletableFuture<CompletedCheckpoint> future = coordinator.triggerCheckpoint();
      coordinator.acknowledge(ack(source, 1));
      coordinator.decline(middle.id, 1, CheckpointFailureReason.DECLINED_BY_TASK, new IllegalStateException("disk"));
      assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOfSatisfying(CheckpointException.class, e -> {
            assertThat(e.reason()).isEqualTo(CheckpointFailureReason.DECLINED_BY_TASK);
            assertThat(e.task()).isEqualTo(middle.id);
          });
      assertThat(sink.calls).containsExactly("aborted 1");
      assertThat(coordinator.latestCompleted()).isEmpty();
      coordinator.acknowledge(ack(middle, 1)); // late ack of the aborted checkpoint: ignored
      assertThat(coordinator.latestCompleted()).isEmpty();
    }
  }

  @Test
  void aCheckpointNotAcknowledgedInTimeFailsWithTimeout() {
    try (var coordinator = coordinator(Duration.ofMillis(50))) {
      CompletableFuture<CompletedCheckpoint> future = coordinator.triggerCheckpoint();
      assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).cause()
          .isInstanceOfSatisfying(CheckpointException.class,
              e -> assertThat(e.reason()).isEqualTo(CheckpointFailureReason.TIMEOUT));
    }
  }

  @Test
  void whenAllSourcesFinishedAFinalCheckpointIsTriggeredOnce() throws Exception {
    try (var coordinator = coordinator(Duration.ofMinutes(1))) {
      coordinator.sourceFinished(source.id);
      assertThat(source.calls).containsExactly("trigger 1 final");
      for (FakeTask task : List.of(source, middle, sink)) {
        coordinator.acknowledge(ack(task, 1));
      }
      assertThat(source.calls).containsExactly("trigger 1 final", "complete 1");
      assertThat(coordinator.triggerCheckpoint()).isCompletedExceptionally();
    }
  }
}
