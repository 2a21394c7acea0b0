package io.millrace.engine.runtime.task;

import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.connector.CommittableCodec;
import io.millrace.engine.connector.Sink;
import io.millrace.engine.connector.SinkWriter;
import io.millrace.engine.connector.SinkWriterContext;
import io.millrace.engine.connector.UnwritableRecordException;
import io.millrace.engine.api.DeadLetterPolicy;
import io.millrace.engine.api.DeadLetters;
import io.millrace.engine.api.OperatorMetrics;
import io.millrace.engine.api.OutputTag;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Runs a {@link Sink} as the last operator of a chain, with the two-phase-commit protocol: records are
 * written into the writer's open transaction; at the barrier it is pre-committed and its committable
 * kept as operator state; when the checkpoint completes, every committable up to it is committed.
 * Committables restored from a checkpoint are committed by {@link Sink#recover} before the job starts.
 * A record the writer rejects as {@link UnwritableRecordException} goes to the node's dead-letter output.
 * Every record the writer accepted is a record out of the task ({@link TaskMetrics#recordsOut()}).
 */
public final class SinkOperator<C> implements OneInputOperator {

  private final Sink<C> sink;
  private final TaskMetrics taskMetrics;
  private final NavigableMap<Long, List<C>> pending = new TreeMap<>();
  private SinkWriter<C> writer;
  private String nodeId;
  private DeadLetterPolicy deadLetterPolicy;
  private OperatorMetrics.Counter failed;

  public SinkOperator(Sink<C> sink, TaskMetrics taskMetrics) {
    this.sink = sink;
    this.taskMetrics = taskMetrics;
  }

  @Override
  public void open(OperatorContext context) throws Exception {
    nodeId = context.nodeId();
    deadLetterPolicy = context.deadLetterPolicy();
    failed = context.metrics().counter("records-failed");
    writer = sink.createWriter(new SinkWriterContext(context.nodeId(), context.subtaskIndex(),
        context.parallelism(), context.settings()));
  }

  @Override
  public void processRecord(StreamRecord record, Output out) throws Exception {
    try {
      writer.write(record);
      taskMetrics.recordOut();
    } catch (UnwritableRecordException e) {
      failed.inc();
      if (deadLetterPolicy.failOnError()) {
        throw new IllegalStateException("node '" + nodeId + "': a record could not be written (deadLetter.onError:"
            + " fail): " + e.reason(), e);
      }
      out.collect(OutputTag.DEAD_LETTER, DeadLetters.of(nodeId, record, e.reason(), deadLetterPolicy.includeRecord()));
    }
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId, Output out) throws Exception {
    C committable = writer.preCommit(checkpointId);
    if (committable != null) {
      pending.computeIfAbsent(checkpointId, id -> new ArrayList<>()).add(committable);
    }
  }

  @Override
  public List<byte[]> snapshotOperatorState(long checkpointId) {
    CommittableCodec<C> codec = sink.committableCodec();
    List<byte[]> entries = new ArrayList<>();
    for (Map.Entry<Long, List<C>> e : pending.entrySet()) {
      for (C committable : e.getValue()) {
        byte[] bytes = codec.encode(committable);
        entries.add(ByteBuffer.allocate(8 + bytes.length).putLong(e.getKey()).put(bytes).array());
      }
    }
    return entries;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    NavigableMap<Long, List<C>> done = pending.headMap(checkpointId, true);
    List<C> toCommit = new ArrayList<>();
    done.values().forEach(toCommit::addAll);
    if (!toCommit.isEmpty()) {
      sink.commit(toCommit);
    }
    done.clear();
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      writer.close();
    }
  }

  /** The committables in a sink node's operator-state entries (for {@link Sink#recover}). */
  public static <C> List<C> committables(List<byte[]> entries, CommittableCodec<C> codec) {
    List<C> committables = new ArrayList<>();
    for (byte[] entry : entries) {
      ByteBuffer buffer = ByteBuffer.wrap(entry);
      buffer.getLong(); // checkpoint id the committable was pre-committed for
      byte[] rest = new byte[buffer.remaining()];
      buffer.get(rest);
      committables.add(codec.decode(rest));
    }
    return committables;
  }
}
