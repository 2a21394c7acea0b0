package io.millrace.engine.preview;

import io.millrace.engine.api.Output;
import io.millrace.engine.api.OutputTag;
import io.millrace.engine.api.StreamRecord;

/**
 * The output a tapped operator sees: records what the node emits (main output under the node id, side outputs under
 * {@code node.side}, dead letters also as node errors), then hands everything on unchanged.
 */
final class TapOutput implements Output {

  private final String nodeId;
  private final PreviewCaptures captures;
  private Output delegate;

  TapOutput(String nodeId, PreviewCaptures captures) {
    this.nodeId = nodeId;
    this.captures = captures;
  }

  /** The runtime's output for this call; operators get the same one each time, so this is set once in practice. */
  TapOutput around(Output runtimeOutput) {
    this.delegate = runtimeOutput;
    return this;
  }

  @Override
  public void collect(StreamRecord record) {
    captures.emitted(nodeId, record.value());
    delegate.collect(record);
  }

  @Override
  public void collect(OutputTag tag, StreamRecord record) {
    if (tag.equals(OutputTag.DEAD_LETTER)) {
      captures.deadLetter(nodeId, record);
    }
    captures.emitted(nodeId + "." + tag.name(), record.value());
    delegate.collect(tag, record);
  }

  @Override
  public void emitWatermark(long watermark) {
    delegate.emitWatermark(watermark);
  }
}
