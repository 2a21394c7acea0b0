package io.millrace.engine.connector;

import io.millrace.engine.api.StreamRecord;

/** Writes one sink subtask's records into its current transaction. Called from the task thread only. */
public interface SinkWriter<C> extends AutoCloseable {

  void write(StreamRecord record) throws Exception;

  /**
   * At the barrier of {@code checkpointId}: flush and seal the current transaction, start a new one,
   * and return the sealed one's committable (null when it holds nothing).
   */
  C preCommit(long checkpointId) throws Exception;

  /** Aborts the open transaction (on cancel/failure) and releases resources. */
  @Override
  void close() throws Exception;
}
