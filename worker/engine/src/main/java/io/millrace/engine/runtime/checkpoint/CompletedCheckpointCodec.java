package io.millrace.engine.runtime.checkpoint;

import io.millrace.engine.checkpoint.store.CheckpointStore;
import io.millrace.engine.serialization.BinaryReader;
import io.millrace.engine.serialization.BinaryWriter;
import io.millrace.engine.serialization.SerializationException;
import io.millrace.engine.state.KeyedStateHandle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata of a completed checkpoint or savepoint as bytes (versioned binary, no Java
 * serialization), stored next to its files as {@code _metadata}, so a savepoint can be restored by
 * another process: {@code read(store, metadataPath(...))}.
 */
public final class CompletedCheckpointCodec {

  private static final int FORMAT_VERSION = 1;

  private CompletedCheckpointCodec() {}

  /** Where the metadata of checkpoint {@code id} of {@code job} lives in the store. */
  public static String metadataPath(String job, long id, boolean savepoint) {
    return (savepoint ? "savepoints/" : "checkpoints/") + job + "/" + id + "/_metadata";
  }

  public static byte[] encode(CompletedCheckpoint checkpoint) {
    BinaryWriter out = new BinaryWriter(1024);
    out.writeVarInt(FORMAT_VERSION);
    out.writeVarLong(checkpoint.id());
    out.writeBoolean(checkpoint.savepoint());
    out.writeVarInt(checkpoint.tasks().size());
    for (TaskStateSnapshot task : checkpoint.tasks()) {
      out.writeString(task.task().chain());
      out.writeVarInt(task.task().subtask());
      out.writeVarInt(task.operatorState().size());
      for (Map.Entry<String, List<byte[]>> node : task.operatorState().entrySet()) {
        out.writeString(node.getKey());
        out.writeVarInt(node.getValue().size());
        node.getValue().forEach(out::writeLengthPrefixedBytes);
      }
      out.writeBoolean(task.keyedState() != null);
      if (task.keyedState() != null) {
        out.writeLengthPrefixedBytes(task.keyedState().toBytes());
      }
    }
    return out.toByteArray();
  }

  public static CompletedCheckpoint decode(byte[] bytes) {
    BinaryReader in = new BinaryReader(bytes);
    int version = in.readVarInt();
    if (version != FORMAT_VERSION) {
      throw new SerializationException("checkpoint metadata format " + version
          + " is not supported (this engine reads " + FORMAT_VERSION + ")");
    }
    long id = in.readVarLong();
    boolean savepoint = in.readBoolean();
    int taskCount = in.readVarInt();
    List<TaskStateSnapshot> tasks = new ArrayList<>(taskCount);
    for (int t = 0; t < taskCount; t++) {
      TaskId task = new TaskId(in.readString(), in.readVarInt());
      int nodes = in.readVarInt();
      Map<String, List<byte[]>> operatorState = new LinkedHashMap<>();
      for (int n = 0; n < nodes; n++) {
        String node = in.readString();
        int entries = in.readVarInt();
        List<byte[]> list = new ArrayList<>(entries);
        for (int e = 0; e < entries; e++) {
          list.add(in.readLengthPrefixedBytes());
        }
        operatorState.put(node, list);
      }
      KeyedStateHandle keyed = in.readBoolean() ? KeyedStateHandle.fromBytes(in.readLengthPrefixedBytes()) : null;
      tasks.add(new TaskStateSnapshot(task, id, operatorState, keyed));
    }
    return new CompletedCheckpoint(id, savepoint, tasks);
  }

  public static void write(CheckpointStore store, String job, CompletedCheckpoint checkpoint) throws IOException {
    store.put(metadataPath(job, checkpoint.id(), checkpoint.savepoint()), encode(checkpoint));
  }

  public static CompletedCheckpoint read(CheckpointStore store, String path) throws IOException {
    return decode(store.get(path));
  }
}
