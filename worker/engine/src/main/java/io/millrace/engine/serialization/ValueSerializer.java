package io.millrace.engine.serialization;

/**
 * Writes and reads values of one type to and from the engine's binary format.
 *
 * <p>Implementations are stateless and thread-safe. When a serializer is used for <b>keys</b>
 * (state keys, map-state user keys) it must be <b>deterministic</b>: equal values give equal
 * bytes, because serialized keys are RocksDB key prefixes and are compared byte-wise.
 *
 * <p>{@link #version()} is stored with every piece of state in checkpoints (state is addressed by
 * node id, state name, state kind and serializer version — DESIGN.md §8): bump it whenever the
 * byte format changes, so a restore can tell compatible state from state that needs migration.
 *
 * @param <T> the serialized type
 */
public interface ValueSerializer<T> {

  /** Appends {@code value} to {@code out}. {@code null} support is up to the implementation. */
  void serialize(T value, BinaryWriter out);

  /** Reads one value written by {@link #serialize} at the reader's position. */
  T deserialize(BinaryReader in);

  /** Format version of this serializer; part of the state address in checkpoints. */
  int version();

  /** Convenience: the value as a fresh byte array. */
  default byte[] toBytes(T value) {
    BinaryWriter out = new BinaryWriter(32);
    serialize(value, out);
    return out.toByteArray();
  }

  /** Convenience: reads one value from the whole array. */
  default T fromBytes(byte[] bytes) {
    return deserialize(new BinaryReader(bytes));
  }
}
