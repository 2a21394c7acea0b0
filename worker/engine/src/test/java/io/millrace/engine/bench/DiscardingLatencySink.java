package io.millrace.engine.bench;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.CommittableCodec;
import io.millrace.engine.connector.Sink;
import io.millrace.engine.connector.SinkWriter;
import io.millrace.engine.connector.SinkWriterContext;
import io.millrace.engine.connector.datagen.EventSchedule;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Counts and drops records; for records that still carry their event's {@code dateTime} (pass-through,
 * map, filter queries) and whose event index is sampled, records the end-to-end latency: now minus
 * the time the source emitted that event ({@link EmitTimes}). The index comes from the event time
 * ({@link EventSchedule#indexOf}), so nothing extra travels with the records.
 */
final class DiscardingLatencySink implements Sink<Long> {

  private final LongAdder count = new LongAdder();
  private final EmitTimes emitTimes;
  private final EventSchedule schedule;
  private final long sampleMask;
  /** Microseconds, 3 significant digits; samples are rare (1 in sampleEvery), so one lock is fine. */
  private final Histogram latencyMicros = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);

  DiscardingLatencySink(EmitTimes emitTimes, EventSchedule schedule) {
    this.emitTimes = emitTimes;
    this.schedule = schedule;
    this.sampleMask = emitTimes.sampleEvery - 1;
  }

  long count() {
    return count.sum();
  }

  synchronized Histogram latencies() {
    return latencyMicros.copy();
  }

  private void observe(Object value) {
    if (!(value instanceof Map<?, ?> map) || !(map.get("dateTime") instanceof Instant time)) {
      return;
    }
    long index = schedule.indexOf(time);
    if (index < 0 || (index & sampleMask) != 0) {
      return;
    }
    Long emitted = emitTimes.take(index);
    if (emitted != null) {
      long micros = Math.max(0, (System.nanoTime() - emitted) / 1000);
      synchronized (this) {
        latencyMicros.recordValue(Math.min(micros, latencyMicros.getHighestTrackableValue()));
      }
    }
  }

  @Override
  public SinkWriter<Long> createWriter(SinkWriterContext context) {
    return new SinkWriter<>() {
      @Override
      public void write(StreamRecord record) {
        count.increment();
        observe(record.value());
      }

      @Override
      public Long preCommit(long checkpointId) {
        return null; // nothing to commit: records are dropped
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void commit(List<Long> committables) {}

  @Override
  public void recover(List<Long> restored) {}

  @Override
  public CommittableCodec<Long> committableCodec() {
    return new CommittableCodec<>() {
      @Override
      public byte[] encode(Long committable) {
        return ByteBuffer.allocate(8).putLong(committable).array();
      }

      @Override
      public Long decode(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
      }
    };
  }
}
