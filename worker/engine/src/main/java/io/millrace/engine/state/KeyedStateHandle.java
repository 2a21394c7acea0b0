package io.millrace.engine.state;

import io.millrace.engine.serialization.BinaryReader;
import io.millrace.engine.serialization.BinaryWriter;
import io.millrace.engine.serialization.SerializationException;
import io.millrace.spec.plan.KeyGroupRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a keyed backend's snapshot left in the checkpoint store: enough to restore it, to redistribute
 * its key groups, and to know which stored files it references (so retention never deletes a shared
 * file a retained checkpoint still needs — DESIGN.md §8.4).
 *
 * <p>The runtime keeps handles in the checkpoint metadata using {@link #toBytes()} / {@link
 * #fromBytes(byte[])} (a versioned binary format, no Java serialization).
 *
 * @param backendKind {@link StateBackend#kind()} of the backend that wrote it
 * @param checkpointId the checkpoint (or savepoint) id
 * @param type checkpoint or savepoint
 * @param maxParallelism number of key groups of the job
 * @param keyGroups the key groups covered
 * @param states the declared states (addresses per DESIGN.md §8)
 * @param files the stored files, with store-relative paths
 */
public record KeyedStateHandle(String backendKind, long checkpointId, SnapshotType type,
    int maxParallelism, KeyGroupRange keyGroups, List<StateMetaInfo> states,
    List<StateFile> files) {

  /** 2 adds each state's layout; 1 is still read (layout empty). */
  private static final int FORMAT_VERSION = 2;

  /**
   * One stored file.
   *
   * @param name the file's name inside the snapshot (e.g. RocksDB's {@code 000012.sst})
   * @param storePath where it is in the checkpoint store (relative path)
   * @param size bytes
   * @param shared true when it lives in the shared area and may be referenced by other handles
   */
  public record StateFile(String name, String storePath, long size, boolean shared) {
    public StateFile {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(storePath, "storePath");
    }
  }

  public KeyedStateHandle {
    Objects.requireNonNull(backendKind, "backendKind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(keyGroups, "keyGroups");
    states = List.copyOf(states);
    files = List.copyOf(files);
  }

  /** Total bytes of the referenced files. */
  public long totalSize() {
    return files.stream().mapToLong(StateFile::size).sum();
  }

  public byte[] toBytes() {
    BinaryWriter out = new BinaryWriter(256);
    out.writeVarInt(FORMAT_VERSION);
    out.writeString(backendKind);
    out.writeZigZagLong(checkpointId);
    out.writeVarInt(type.ordinal());
    out.writeVarInt(maxParallelism);
    out.writeVarInt(keyGroups.start());
    out.writeVarInt(keyGroups.end());
    out.writeVarInt(states.size());
    for (StateMetaInfo s : states) {
      out.writeString(s.nodeId());
      out.writeString(s.name());
      out.writeVarInt(s.kind().ordinal());
      out.writeVarInt(s.serializerVersion());
      out.writeString(s.layout());
    }
    out.writeVarInt(files.size());
    for (StateFile f : files) {
      out.writeString(f.name());
      out.writeString(f.storePath());
      out.writeVarLong(f.size());
      out.writeBoolean(f.shared());
    }
    return out.toByteArray();
  }

  public static KeyedStateHandle fromBytes(byte[] bytes) {
    BinaryReader in = new BinaryReader(bytes);
    int version = in.readVarInt();
    if (version != FORMAT_VERSION && version != 1) {
      throw new SerializationException("keyed state handle format " + version
          + " is not supported (this engine reads 1 and " + FORMAT_VERSION + ")");
    }
    String kind = in.readString();
    long checkpointId = in.readZigZagLong();
    SnapshotType type = SnapshotType.values()[in.readVarInt()];
    int maxParallelism = in.readVarInt();
    KeyGroupRange range = new KeyGroupRange(in.readVarInt(), in.readVarInt());
    int stateCount = in.readVarInt();
    List<StateMetaInfo> states = new ArrayList<>(stateCount);
    for (int i = 0; i < stateCount; i++) {
      states.add(new StateMetaInfo(in.readString(), in.readString(),
          StateKind.values()[in.readVarInt()], in.readVarInt(), version >= 2 ? in.readString() : ""));
    }
    int fileCount = in.readVarInt();
    List<StateFile> files = new ArrayList<>(fileCount);
    for (int i = 0; i < fileCount; i++) {
      files.add(new StateFile(in.readString(), in.readString(), in.readVarLong(),
          in.readBoolean()));
    }
    return new KeyedStateHandle(kind, checkpointId, type, maxParallelism, range, states, files);
  }
}
