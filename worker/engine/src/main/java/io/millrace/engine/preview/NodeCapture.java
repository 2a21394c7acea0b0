package io.millrace.engine.preview;

import java.util.ArrayList;
import java.util.List;

/**
 * What one node output emitted: the first {@code limit} values, and how many in all. Written from task threads (one
 * per chain), read once the run ended; synchronized because a node's output and its readers may differ in thread.
 */
final class NodeCapture {

  private final int limit;
  private final List<Object> values = new ArrayList<>();
  private long count;

  NodeCapture(int limit) {
    this.limit = limit;
  }

  synchronized void add(Object value) {
    count++;
    if (values.size() < limit) {
      values.add(value);
    }
  }

  synchronized PreviewOutcome.NodeOutput toOutput() {
    List<String> json = values.stream().map(SampleJson::encode).toList();
    return new PreviewOutcome.NodeOutput(json, count, count > values.size());
  }
}
