package io.millrace.engine.connector;

import java.util.List;

/**
 * A source connector: a factory of split lists and readers, shared by all subtasks of a source node
 * (thread-safe).
 */
public interface Source<S extends SourceSplit> {

  /** The splits of a fresh start (no checkpoint): the whole input, positions at the beginning. */
  List<S> discoverSplits() throws Exception;

  /** A reader for one subtask. */
  SourceReader<S> createReader(SourceReaderContext context);

  SplitCodec<S> splitCodec();

  /** Bounded sources end (batch-like jobs, tests); unbounded ones run until cancelled. */
  boolean bounded();
}
