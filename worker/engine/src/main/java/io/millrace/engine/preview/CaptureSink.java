package io.millrace.engine.preview;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.CommittableCodec;
import io.millrace.engine.connector.Sink;
import io.millrace.engine.connector.SinkWriter;
import io.millrace.engine.connector.SinkWriterContext;
import java.util.List;

/**
 * Stands in for every sink of a previewed pipeline: records what reaches the sink node and writes nothing anywhere.
 * It commits nothing either (nothing is ever pre-committed), so the final checkpoint has no transaction to finish.
 */
final class CaptureSink implements Sink<Boolean> {

  private final String nodeId;
  private final PreviewCaptures captures;

  CaptureSink(String nodeId, PreviewCaptures captures) {
    this.nodeId = nodeId;
    this.captures = captures;
    captures.declare(nodeId);
  }

  @Override
  public SinkWriter<Boolean> createWriter(SinkWriterContext context) {
    return new SinkWriter<>() {
      @Override
      public void write(StreamRecord record) {
        captures.emitted(nodeId, record.value());
      }

      @Override
      public Boolean preCommit(long checkpointId) {
        return null; // nothing to commit: the records only live in the capture
      }

      @Override
      public void close() {
      }
    };
  }

  @Override
  public void commit(List<Boolean> committables) {
  }

  @Override
  public void recover(List<Boolean> restored) {
  }

  @Override
  public CommittableCodec<Boolean> committableCodec() {
    return new CommittableCodec<>() {
      @Override
      public byte[] encode(Boolean committable) {
        return new byte[] {1};
      }

      @Override
      public Boolean decode(byte[] bytes) {
        return Boolean.TRUE;
      }
    };
  }
}
