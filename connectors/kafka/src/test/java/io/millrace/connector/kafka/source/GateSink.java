package io.millrace.connector.kafka.source;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.CommittableCodec;
import io.millrace.engine.connector.Sink;
import io.millrace.engine.connector.SinkWriter;
import io.millrace.engine.connector.SinkWriterContext;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sink whose first write waits until {@link #open()}: chained behind a source, it holds the source's task
 * thread, so the reader stops reading while the topic grows (consumer lag that the test controls).
 */
final class GateSink implements Sink<Void> {

  private final CountDownLatch gate = new CountDownLatch(1);
  private final AtomicBoolean blocked = new AtomicBoolean();
  private final AtomicLong written = new AtomicLong();

  void open() {
    gate.countDown();
  }

  boolean blocked() {
    return blocked.get();
  }

  long written() {
    return written.get();
  }

  @Override
  public SinkWriter<Void> createWriter(SinkWriterContext context) {
    return new SinkWriter<>() {
      @Override
      public void write(StreamRecord record) throws Exception {
        if (gate.getCount() > 0) {
          blocked.set(true);
          gate.await();
        }
        written.incrementAndGet();
      }

      @Override
      public Void preCommit(long checkpointId) {
        return null;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void commit(List<Void> committables) {}

  @Override
  public void recover(List<Void> restored) {}

  @Override
  public CommittableCodec<Void> committableCodec() {
    return new CommittableCodec<>() {
      @Override
      public byte[] encode(Void committable) {
        return new byte[0];
      }

      @Override
      public Void decode(byte[] bytes) {
        return null;
      }
    };
  }
}
