package io.millrace.engine.runtime.checkpoint;

import io.millrace.engine.serialization.BinaryReader;
import io.millrace.engine.serialization.BinaryWriter;
import io.millrace.engine.serialization.SerializationException;
import io.millrace.engine.state.KeyedStateHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task's checkpoint contribution as bytes (versioned binary, no Java serialization): what a worker sends the
 * control plane in a {@code CheckpointAck} and gets back in a {@code RestoreState}. The control plane stores the
 * bytes opaquely; only engines read them.
 *
 * <pre>
 *   version:varint  chain:string  subtask:varint  checkpointId:varlong
 *   nodes:varint ( node:string  entries:varint ( entry:bytes )* )*
 *   hasKeyed:bool [ KeyedStateHandle.toBytes():bytes ]
 * </pre>
 */
public final class TaskStateSnapshotCodec {

  private static final int FORMAT_VERSION = 1;

  private TaskStateSnapshotCodec() {}

  public static byte[] encode(TaskStateSnapshot snapshot) {
    BinaryWriter out = new BinaryWriter(256);
    out.writeVarInt(FORMAT_VERSION);
    out.writeString(snapshot.task().chain());
    out.writeVarInt(snapshot.task().subtask());
    out.writeVarLong(snapshot.checkpointId());
    out.writeVarInt(snapshot.operatorState().size());
    // Sorted by node so equal snapshots give equal bytes.
    for (Map.Entry<String, List<byte[]>> node : new java.util.TreeMap<>(snapshot.operatorState()).entrySet()) {
      out.writeString(node.getKey());
      out.writeVarInt(node.getValue().size());
      node.getValue().forEach(out::writeLengthPrefixedBytes);
    }
    out.writeBoolean(snapshot.keyedState() != null);
    if (snapshot.keyedState() != null) {
      out.writeLengthPrefixedBytes(snapshot.keyedState().toBytes());
    }
    return out.toByteArray();
  }

  /**
   * @throws SerializationException when the bytes are not a task state of a known format version
   */
  public static TaskStateSnapshot decode(byte[] bytes) {
    BinaryReader in = new BinaryReader(bytes);
    int version = in.readVarInt();
    if (version != FORMAT_VERSION) {
      throw new SerializationException("task state format " + version + " is not supported (this engine reads "
          + FORMAT_VERSION + ")");
    }
    TaskId task = new TaskId(in.readString(), in.readVarInt());
    long checkpointId = in.readVarLong();
    int nodes = in.readVarInt();
    Map<String, List<byte[]>> operatorState = new LinkedHashMap<>();
    for (int n = 0; n < nodes; n++) {
      String node = in.readString();
      int entries = in.readVarInt();
      List<byte[]> list = new ArrayList<>(Math.min(entries, 1024));
      for (int e = 0; e < entries; e++) {
        list.add(in.readLengthPrefixedBytes());
      }
      operatorState.put(node, list);
    }
    KeyedStateHandle keyed = in.readBoolean() ? KeyedStateHandle.fromBytes(in.readLengthPrefixedBytes()) : null;
    if (in.hasRemaining()) {
      throw new SerializationException("task state of " + task + " has " + in.remaining()
          + " trailing bytes: corrupt");
    }
    return new TaskStateSnapshot(task, checkpointId, operatorState, keyed);
  }
}
