package io.millrace.engine.runtime;

import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.connector.InputStatus;
import io.millrace.engine.connector.Source;
import io.millrace.engine.connector.SourceReader;
import io.millrace.engine.connector.SourceReaderContext;
import io.millrace.engine.connector.SplitCodec;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test source: subtask 0 reads a {@link CollectionSource}; the last subtask is a silent partition that
 * has nothing (NOTHING_AVAILABLE) until {@link #release()}, then ends.
 */
final class StallingSource implements Source<CollectionSource.Split> {
  private final CollectionSource data;
  private final AtomicBoolean stalled = new AtomicBoolean(true);

  StallingSource(CollectionSource data) {
    this.data = data;
  }

  void release() {
    stalled.set(false);
  }

  @Override
  public List<CollectionSource.Split> discoverSplits() {
    return data.discoverSplits();
  }

  @Override
  public SourceReader<CollectionSource.Split> createReader(SourceReaderContext context) {
    SourceReader<CollectionSource.Split> real = data.createReader(context);
    if (context.subtaskIndex() < context.parallelism() - 1) {
      return real;
    }
    return new SourceReader<>() {
      @Override
      public void addSplits(List<CollectionSource.Split> splits) {
        if (!splits.isEmpty()) {
          throw new IllegalStateException("the silent subtask must get no splits");
        }
      }

      @Override
      public InputStatus pollNext(io.millrace.engine.connector.ReaderOutput output) {
        return stalled.get() ? InputStatus.NOTHING_AVAILABLE : InputStatus.END_OF_INPUT;
      }

      @Override
      public List<CollectionSource.Split> snapshotState(long checkpointId) {
        return List.of();
      }
    };
  }

  @Override
  public SplitCodec<CollectionSource.Split> splitCodec() {
    return data.splitCodec();
  }

  @Override
  public boolean bounded() {
    return true;
  }
}
