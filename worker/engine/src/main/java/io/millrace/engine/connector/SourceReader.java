package io.millrace.engine.connector;

import java.util.List;

/**
 * Reads the splits assigned to one source subtask. Called only from the task thread.
 */
public interface SourceReader<S extends SourceSplit> extends AutoCloseable {

  /** Splits to read (at start, from the assignment or the restored checkpoint). */
  void addSplits(List<S> splits);

  /**
   * Hands zero or more records (a bounded number, e.g. up to a few hundred) to {@code output}.
   * Must not block for long: the task runs checkpoints between polls.
   */
  InputStatus pollNext(ReaderOutput output) throws Exception;

  /** The assigned splits with their CURRENT positions (what was handed out so far is consumed). */
  List<S> snapshotState(long checkpointId);

  /** The checkpoint completed (Kafka: commit offsets for monitoring). */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  @Override
  default void close() throws Exception {}
}
