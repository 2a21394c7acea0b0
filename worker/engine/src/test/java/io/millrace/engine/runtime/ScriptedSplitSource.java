package io.millrace.engine.runtime;

import io.millrace.engine.connector.CollectionSource;
import io.millrace.engine.connector.InputStatus;
import io.millrace.engine.connector.ReaderOutput;
import io.millrace.engine.connector.Source;
import io.millrace.engine.connector.SourceReader;
import io.millrace.engine.connector.SourceReaderContext;
import io.millrace.engine.connector.SplitCodec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test source for ONE subtask that reads several named splits ({@link ReaderOutput#forSplit}) and
 * follows a script, one step per poll: register splits, emit records of a split (reader timestamps
 * {@code first, first + 1, ...}, value {@code {ts, k}}), wait for the processing-time clock, or wait
 * for {@link #release()}. After the last step the input ends.
 */
final class ScriptedSplitSource implements Source<CollectionSource.Split> {

  sealed interface Step {}

  record Register(List<String> splits) implements Step {}

  record Emit(String split, long firstTimestamp, int count) implements Step {}

  record AwaitClock(long millis) implements Step {}

  record AwaitRelease() implements Step {}

  private final List<Step> script;
  private final AtomicBoolean released = new AtomicBoolean();

  ScriptedSplitSource(List<Step> script) {
    this.script = List.copyOf(script);
  }

  void release() {
    released.set(true);
  }

  @Override
  public List<CollectionSource.Split> discoverSplits() {
    return List.of();
  }

  @Override
  public SourceReader<CollectionSource.Split> createReader(SourceReaderContext context) {
    return new SourceReader<>() {
      private int next;

      @Override
      public void addSplits(List<CollectionSource.Split> splits) {}

      @Override
      public InputStatus pollNext(ReaderOutput output) {
        if (next == script.size()) {
          return InputStatus.END_OF_INPUT;
        }
        Step step = script.get(next);
        if (step instanceof Register r) {
          r.splits().forEach(output::forSplit);
        } else if (step instanceof Emit e) {
          ReaderOutput split = output.forSplit(e.split());
          for (int i = 0; i < e.count(); i++) {
            long ts = e.firstTimestamp() + i;
            split.collect(Map.of("ts", ts, "k", "k" + (ts % 7)), ts);
          }
        } else if (step instanceof AwaitClock a && context.clock().currentTimeMillis() < a.millis()) {
          return InputStatus.NOTHING_AVAILABLE;
        } else if (step instanceof AwaitRelease && !released.get()) {
          return InputStatus.NOTHING_AVAILABLE;
        }
        next++;
        return InputStatus.MORE_AVAILABLE;
      }

      @Override
      public List<CollectionSource.Split> snapshotState(long checkpointId) {
        return List.of();
      }
    };
  }

  @Override
  public SplitCodec<CollectionSource.Split> splitCodec() {
    return CollectionSource.of(List.of(), 1).splitCodec();
  }

  @Override
  public boolean bounded() {
    return true;
  }
}
