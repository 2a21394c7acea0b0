package io.millrace.engine.preview;

import io.millrace.engine.connector.ReaderOutput;
import io.millrace.engine.connector.Source;
import io.millrace.engine.connector.SourceReader;
import io.millrace.engine.connector.SourceReaderContext;
import io.millrace.engine.connector.SourceSplit;
import io.millrace.engine.connector.SplitCodec;
import java.util.List;

/**
 * A source node's output as the preview shows it: what its reader hands to the task (sources are not operators, so
 * no tap sees them). Everything else is the wrapped source's.
 */
final class CapturingSource<S extends SourceSplit> implements Source<S> {

  private final String nodeId;
  private final Source<S> source;
  private final PreviewCaptures captures;

  CapturingSource(String nodeId, Source<S> source, PreviewCaptures captures) {
    this.nodeId = nodeId;
    this.source = source;
    this.captures = captures;
    captures.declare(nodeId);
  }

  @Override
  public List<S> discoverSplits() throws Exception {
    return source.discoverSplits();
  }

  @Override
  public SourceReader<S> createReader(SourceReaderContext context) {
    SourceReader<S> reader = source.createReader(context);
    return new SourceReader<>() {
      @Override
      public void addSplits(List<S> splits) {
        reader.addSplits(splits);
      }

      @Override
      public io.millrace.engine.connector.InputStatus pollNext(ReaderOutput output) throws Exception {
        return reader.pollNext(new Tap(output));
      }

      @Override
      public List<S> snapshotState(long checkpointId) {
        return reader.snapshotState(checkpointId);
      }

      @Override
      public void notifyCheckpointComplete(long checkpointId) throws Exception {
        reader.notifyCheckpointComplete(checkpointId);
      }

      @Override
      public void close() throws Exception {
        reader.close();
      }
    };
  }

  @Override
  public SplitCodec<S> splitCodec() {
    return source.splitCodec();
  }

  @Override
  public boolean bounded() {
    return source.bounded();
  }

  private final class Tap implements ReaderOutput {
    private final ReaderOutput output;

    Tap(ReaderOutput output) {
      this.output = output;
    }

    @Override
    public void collect(Object value, long timestamp) {
      captures.emitted(nodeId, value);
      output.collect(value, timestamp);
    }

    @Override
    public void deadLetter(Object value, long timestamp, String reason) {
      captures.deadLetter(nodeId, io.millrace.engine.api.DeadLetters.of(nodeId,
          new io.millrace.engine.api.StreamRecord(value, null, timestamp), reason, true));
      output.deadLetter(value, timestamp, reason);
    }

    @Override
    public ReaderOutput forSplit(String splitId) {
      ReaderOutput split = output.forSplit(splitId);
      return split == output ? this : new Tap(split);
    }

    @Override
    public void releaseSplit(String splitId) {
      output.releaseSplit(splitId);
    }

    @Override
    public void markIdle() {
      output.markIdle();
    }
  }
}
