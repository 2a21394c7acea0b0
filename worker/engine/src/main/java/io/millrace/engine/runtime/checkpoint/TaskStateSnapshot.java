package io.millrace.engine.runtime.checkpoint;

import io.millrace.engine.state.KeyedStateHandle;
import java.util.List;
import java.util.Map;

/**
 * What one task contributed to a checkpoint.
 *
 * @param task the task
 * @param checkpointId the checkpoint
 * @param operatorState per node id of the chain, its operator-state entries (source splits, sink
 *     committables, ...), each redistributable on its own
 * @param keyedState the keyed backend's handle, or null for a task without keyed state
 */
public record TaskStateSnapshot(TaskId task, long checkpointId, Map<String, List<byte[]>> operatorState,
    KeyedStateHandle keyedState) {

  public TaskStateSnapshot {
    operatorState = Map.copyOf(operatorState);
  }
}
