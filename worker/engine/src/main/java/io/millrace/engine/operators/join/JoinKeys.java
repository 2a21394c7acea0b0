package io.millrace.engine.operators.join;

import io.millrace.engine.api.OperatorContext;
import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.operators.KeyExtractor;
import io.millrace.engine.operators.RecordFailure;
import io.millrace.engine.operators.Settings;
import io.millrace.engine.state.KeyedStateBackend;

/**
 * The key of a join input's record: the one computed by the HASH edge's sender, or — for a record
 * that arrives without one — {@code leftKey} / {@code rightKey} evaluated here and made the
 * backend's current key.
 */
final class JoinKeys {

  private final KeyExtractor left;
  private final KeyExtractor right;
  private final KeyedStateBackend backend;

  JoinKeys(OperatorContext context, KeyedStateBackend backend) {
    Settings settings = new Settings(context.nodeId(), context.settings());
    this.left = KeyExtractor.of(context, settings, "leftKey");
    this.right = KeyExtractor.of(context, settings, "rightKey");
    this.backend = backend;
  }

  Object keyOf(StreamRecord record, boolean isLeft) throws RecordFailure {
    if (record.key() != null) {
      return record.key();
    }
    Object key = (isLeft ? left : right).keyOf(record);
    backend.setCurrentKey(key);
    return key;
  }
}
