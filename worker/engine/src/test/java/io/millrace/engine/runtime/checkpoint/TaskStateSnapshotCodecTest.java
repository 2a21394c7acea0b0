package io.millrace.engine.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.serialization.SerializationException;
import io.millrace.engine.state.KeyedStateHandle;
import io.millrace.engine.state.SnapshotType;
import io.millrace.spec.plan.KeyGroupRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskStateSnapshotCodecTest {

  @Test
  void taskStateRoundTripsWithOperatorAndKeyedState() {
    KeyedStateHandle keyed = new KeyedStateHandle("heap", 7, SnapshotType.CHECKPOINT, 128, new KeyGroupRange(0, 63),
        List.of(), List.of(new KeyedStateHandle.StateFile("state.bin", "checkpoints/j/7/counts-0/state.bin", 812,
            false)));
    TaskStateSnapshot snapshot = new TaskStateSnapshot(new TaskId("events", 1), 7,
        Map.of("events", List.of(new byte[] {1, 2}, new byte[] {3}), "out", List.of(new byte[] {9})), keyed);

    TaskStateSnapshot decoded = TaskStateSnapshotCodec.decode(TaskStateSnapshotCodec.encode(snapshot));

    assertThat(decoded.task()).isEqualTo(snapshot.task());
    assertThat(decoded.checkpointId()).isEqualTo(7);
    assertThat(decoded.keyedState()).isEqualTo(keyed);
    assertThat(decoded.operatorState()).containsOnlyKeys("events", "out");
    assertThat(decoded.operatorState().get("events")).containsExactly(new byte[] {1, 2}, new byte[] {3});
    assertThat(decoded.operatorState().get("out")).containsExactly(new byte[] {9});
  }

  @Test
  void stateWithoutKeyedPartRoundTripsAndGarbageIsRejected() {
    TaskStateSnapshot snapshot = new TaskStateSnapshot(new TaskId("map", 0), 3, Map.of(), null);
    byte[] bytes = TaskStateSnapshotCodec.encode(snapshot);
    assertThat(TaskStateSnapshotCodec.decode(bytes).keyedState()).isNull();
    byte[] otherVersion = bytes.clone();
    otherVersion[0] = 5;
    assertThatThrownBy(() -> TaskStateSnapshotCodec.decode(otherVersion))
        .isInstanceOf(SerializationException.class).hasMessageContaining("task state format 5");
    byte[] trailing = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> TaskStateSnapshotCodec.decode(trailing))
        .isInstanceOf(SerializationException.class).hasMessageContaining("trailing bytes");
  }
}
