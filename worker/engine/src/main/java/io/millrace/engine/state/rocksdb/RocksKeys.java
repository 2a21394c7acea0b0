package io.millrace.engine.state.rocksdb;

import io.millrace.engine.serialization.BinaryReader;
import io.millrace.engine.serialization.BinaryWriter;
import io.millrace.engine.serialization.Serializers;
import java.util.Arrays;

/**
 * Byte layout of RocksDB keys (see package doc). A {@code RocksKeys} instance reuses one buffer
 * and is confined to the task thread; the static helpers are pure.
 */
final class RocksKeys {

  private final BinaryWriter buffer = new BinaryWriter(64);

  /** {@code keyGroup | key | namespace}. */
  byte[] state(int keyGroup, byte[] key, long namespace) {
    buffer.reset();
    buffer.writeShort(keyGroup).writeBytes(key).writeSortableLong(namespace);
    return buffer.toByteArray();
  }

  /** {@code keyGroup | key | namespace | userKey}. */
  byte[] mapEntry(int keyGroup, byte[] key, long namespace, byte[] userKey) {
    buffer.reset();
    buffer.writeShort(keyGroup).writeBytes(key).writeSortableLong(namespace).writeBytes(userKey);
    return buffer.toByteArray();
  }

  /** {@code timestamp | keyGroup | key | namespace}. */
  byte[] timer(long timestamp, int keyGroup, byte[] key, long namespace) {
    buffer.reset();
    buffer.writeSortableLong(timestamp).writeShort(keyGroup).writeBytes(key)
        .writeSortableLong(namespace);
    return buffer.toByteArray();
  }

  /** The smallest timer key at {@code timestamp}: where a scan for timers at or after it seeks to. */
  static byte[] timerSeek(long timestamp) {
    return new BinaryWriter(8).writeSortableLong(timestamp).toByteArray();
  }

  /** First key of a key group. */
  static byte[] groupStart(int keyGroup) {
    return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
  }

  /** The smallest key greater than every key starting with {@code prefix}; null if none. */
  static byte[] prefixEnd(byte[] prefix) {
    byte[] end = Arrays.copyOf(prefix, prefix.length);
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xFF) {
        end[i]++;
        return Arrays.copyOf(end, i + 1);
      }
    }
    return null;
  }

  /** A parsed state key: the serialized key is decoded once to find where it ends. */
  record StateKey(int keyGroup, byte[] key, Object keyObject, long namespace, int userKeyOffset) {}

  static StateKey parseState(byte[] raw) {
    int keyGroup = ((raw[0] & 0xFF) << 8) | (raw[1] & 0xFF);
    BinaryReader in = new BinaryReader(raw, 2, raw.length - 2);
    Object keyObject = Serializers.KEY.deserialize(in);
    int keyEnd = in.position();
    long ns = in.readSortableLong();
    return new StateKey(keyGroup, Arrays.copyOfRange(raw, 2, keyEnd), keyObject, ns,
        in.position());
  }

  /** A parsed timer key. */
  record TimerKey(long timestamp, int keyGroup, byte[] key, Object keyObject, long namespace) {}

  static TimerKey parseTimer(byte[] raw) {
    BinaryReader in = new BinaryReader(raw);
    long ts = in.readSortableLong();
    int keyGroup = in.readShort();
    int keyStart = in.position();
    Object keyObject = Serializers.KEY.deserialize(in);
    byte[] key = Arrays.copyOfRange(raw, keyStart, in.position());
    return new TimerKey(ts, keyGroup, key, keyObject, in.readSortableLong());
  }
}
