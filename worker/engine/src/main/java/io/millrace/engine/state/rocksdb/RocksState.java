package io.millrace.engine.state.rocksdb;

import io.millrace.engine.serialization.BinaryReader;
import io.millrace.engine.serialization.ValueSerializer;
import io.millrace.engine.state.State;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.StateKind;
import io.millrace.engine.state.internal.StoredValues;
import io.millrace.engine.state.internal.Ttl;
import org.rocksdb.ColumnFamilyHandle;

/** Common access to one column family for the current key and namespace. */
abstract class RocksState implements State {

  final RocksDbKeyedStateBackend backend;
  final ColumnFamilyHandle family;
  final StateDescriptor<?> descriptor;
  final Ttl ttl;
  @SuppressWarnings("rawtypes")
  final ValueSerializer serializer;

  RocksState(RocksDbKeyedStateBackend backend, ColumnFamilyHandle family,
      StateDescriptor<?> descriptor, Ttl ttl) {
    this.backend = backend;
    this.family = family;
    this.descriptor = descriptor;
    this.ttl = ttl;
    this.serializer = descriptor.valueSerializer();
  }

  byte[] key(long namespace) {
    return backend.keys().state(backend.currentKeyGroup(), backend.currentKeyBytes().bytes(),
        namespace);
  }

  /** Reads a single stored value at {@code rowKey}: null when absent or expired (then deleted). */
  Object readSingle(byte[] rowKey) {
    byte[] raw = backend.get(family, rowKey);
    if (raw == null) {
      return null;
    }
    Object value = ttl.unwrap(StoredValues.fromBytes(serializer, ttl.enabled(), raw));
    if (value == null) {
      backend.delete(family, rowKey);
    } else if (ttl.refreshOnRead()) {
      writeSingle(rowKey, value);
    }
    return value;
  }

  void writeSingle(byte[] rowKey, Object value) {
    backend.put(family, rowKey, StoredValues.toBytes(serializer, ttl.enabled(), ttl.wrap(value)));
  }

  /** Whether a row's value holds anything unexpired (rows of this state's kind). */
  boolean isLive(byte[] value) {
    if (!ttl.enabled()) {
      return true;
    }
    long now = ttl.now();
    if (descriptor.kind() != StateKind.LIST) {
      return new BinaryReader(value).readLong() > now;
    }
    for (Object e : StoredValues.readElements(serializer, true, value)) {
      if (((StoredValues.TtlValue) e).expiresAt() > now) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void clear() {
    backend.delete(family, key(backend.currentNamespace()));
  }
}
