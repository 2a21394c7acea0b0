package io.millrace.engine.preview;

import io.millrace.engine.api.ExpressionFailedException;
import io.millrace.engine.api.OneInputOperator;
import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.OperatorSetupException;
import io.millrace.engine.api.Output;
import io.millrace.engine.api.StreamOperator;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.api.Timer;
import io.millrace.engine.api.TwoInputOperator;
import io.millrace.engine.runtime.VertexOperatorFactory;
import io.millrace.engine.runtime.task.TaskCancelledException;
import io.millrace.spec.plan.JobVertex;
import java.util.List;

/**
 * Wraps the operator of every node in a tap: the runtime still chains, keys and times it as in a real job (the
 * preview runs the same operators), but every record it emits is also captured — inside a chain too, where records
 * never reach an exchange. The tap also notes which node threw when an operator fails the run.
 */
final class TappedOperators implements VertexOperatorFactory {

  private final VertexOperatorFactory operators;
  private final PreviewCaptures captures;

  TappedOperators(VertexOperatorFactory operators, PreviewCaptures captures) {
    this.operators = operators;
    this.captures = captures;
  }

  @Override
  public StreamOperator create(JobVertex vertex) {
    StreamOperator operator = operators.create(vertex);
    captures.declare(vertex.id());
    if (operator instanceof TwoInputOperator two) {
      return new TwoInput(vertex.id(), two, captures);
    }
    return new OneInput(vertex.id(), (OneInputOperator) operator, captures);
  }

  /** Calls into the wrapped operator and remembers the node when it throws. */
  @FunctionalInterface
  private interface Call {
    void run() throws Exception;
  }

  private abstract static class Tap implements StreamOperator {
    final String nodeId;
    final StreamOperator operator;
    final TapOutput output;
    private final PreviewCaptures captures;

    Tap(String nodeId, StreamOperator operator, PreviewCaptures captures) {
      this.nodeId = nodeId;
      this.operator = operator;
      this.captures = captures;
      this.output = new TapOutput(nodeId, captures);
    }

    final void guarded(Call call) throws Exception {
      try {
        call.run();
      } catch (TaskCancelledException | InterruptedException cancelled) {
        throw cancelled;
      } catch (Exception | Error e) {
        // An exception from a downstream operator of the chain passes through here too: the innermost tap wrote
        // first, and the first note wins, so the failure stays on the node that threw.
        captures.failed(nodeId, describe(e));
        throw e;
      }
    }

    @Override
    public void open(OperatorContext context) throws Exception {
      guarded(() -> operator.open(context));
    }

    @Override
    public void processWatermark(long watermark, Output out) throws Exception {
      guarded(() -> operator.processWatermark(watermark, output.around(out)));
    }

    @Override
    public void onEventTimeTimer(Timer timer, Output out) throws Exception {
      guarded(() -> operator.onEventTimeTimer(timer, output.around(out)));
    }

    @Override
    public void onProcessingTimeTimer(Timer timer, Output out) throws Exception {
      guarded(() -> operator.onProcessingTimeTimer(timer, output.around(out)));
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId, Output out) throws Exception {
      guarded(() -> operator.prepareSnapshotPreBarrier(checkpointId, output.around(out)));
    }

    @Override
    public List<byte[]> snapshotOperatorState(long checkpointId) throws Exception {
      return operator.snapshotOperatorState(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
      operator.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
      operator.notifyCheckpointAborted(checkpointId);
    }

    @Override
    public void endInput(Output out) throws Exception {
      guarded(() -> operator.endInput(output.around(out)));
    }

    @Override
    public void close() throws Exception {
      operator.close();
    }
  }

  private static final class OneInput extends Tap implements OneInputOperator {
    private final OneInputOperator one;

    OneInput(String nodeId, OneInputOperator operator, PreviewCaptures captures) {
      super(nodeId, operator, captures);
      this.one = operator;
    }

    @Override
    public void processRecord(StreamRecord record, Output out) throws Exception {
      guarded(() -> one.processRecord(record, output.around(out)));
    }
  }

  private static final class TwoInput extends Tap implements TwoInputOperator {
    private final TwoInputOperator two;

    TwoInput(String nodeId, TwoInputOperator operator, PreviewCaptures captures) {
      super(nodeId, operator, captures);
      this.two = operator;
    }

    @Override
    public void processRecord1(StreamRecord record, Output out) throws Exception {
      guarded(() -> two.processRecord1(record, output.around(out)));
    }

    @Override
    public void processRecord2(StreamRecord record, Output out) throws Exception {
      guarded(() -> two.processRecord2(record, output.around(out)));
    }
  }

  /** One line for the user: the innermost message, with the exception kind unless it is one of ours. */
  static String describe(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null
        || t.getMessage().equals(t.getCause().getMessage()) || t instanceof RuntimeException
        && t.getClass().getSimpleName().equals("ChainedOperatorException"))) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? "" : t.getMessage();
    if (t instanceof ExpressionFailedException || t instanceof OperatorSetupException
        || t instanceof PreviewException) {
      return message;
    }
    return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
