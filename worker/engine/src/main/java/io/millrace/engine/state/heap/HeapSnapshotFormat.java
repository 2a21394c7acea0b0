package io.millrace.engine.state.heap;

import io.millrace.engine.serialization.BinaryReader;
import io.millrace.engine.serialization.BinaryWriter;
import io.millrace.engine.serialization.SerializationException;
import io.millrace.engine.state.StateKind;
import io.millrace.engine.state.StateMetaInfo;
import io.millrace.engine.state.TimeDomain;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap snapshot file: every state's rows, then every timer, each row carrying its key group
 * so that a restore can keep only its range.
 *
 * <pre>
 * varint format (2; 1 is still read: it has no layout)
 * varint stateCount, per state: nodeId, name, varint kind, varint serializerVersion, layout (since 2),
 *   varint rowCount, rows: varint keyGroup, bytes key, long namespace, [bytes userKey if MAP],
 *   bytes value
 * varint timerSetCount, per set: nodeId, varint domain, varint count,
 *   timers: varint keyGroup, bytes key, long namespace, long timestamp
 * </pre>
 * ("bytes" = varint length + bytes; strings as in BinaryWriter.)
 */
final class HeapSnapshotFormat {

  static final int FORMAT = 2;

  record StateRows(StateMetaInfo meta, List<RawRow> rows) {}

  record TimerRow(int keyGroup, byte[] key, long namespace, long timestamp) {}

  record TimerRows(String nodeId, TimeDomain domain, List<TimerRow> timers) {}

  record Contents(List<StateRows> states, List<TimerRows> timers) {}

  private HeapSnapshotFormat() {}

  static byte[] write(Contents contents) {
    BinaryWriter out = new BinaryWriter(1024);
    out.writeVarInt(FORMAT);
    out.writeVarInt(contents.states().size());
    for (StateRows s : contents.states()) {
      out.writeString(s.meta().nodeId());
      out.writeString(s.meta().name());
      out.writeVarInt(s.meta().kind().ordinal());
      out.writeVarInt(s.meta().serializerVersion());
      out.writeString(s.meta().layout());
      out.writeVarInt(s.rows().size());
      boolean map = s.meta().kind() == StateKind.MAP;
      for (RawRow r : s.rows()) {
        out.writeVarInt(r.keyGroup());
        out.writeLengthPrefixedBytes(r.key());
        out.writeLong(r.namespace());
        if (map) {
          out.writeLengthPrefixedBytes(r.userKey());
        }
        out.writeLengthPrefixedBytes(r.value());
      }
    }
    out.writeVarInt(contents.timers().size());
    for (TimerRows t : contents.timers()) {
      out.writeString(t.nodeId());
      out.writeVarInt(t.domain().ordinal());
      out.writeVarInt(t.timers().size());
      for (TimerRow r : t.timers()) {
        out.writeVarInt(r.keyGroup());
        out.writeLengthPrefixedBytes(r.key());
        out.writeLong(r.namespace());
        out.writeLong(r.timestamp());
      }
    }
    return out.toByteArray();
  }

  static Contents read(byte[] bytes) {
    BinaryReader in = new BinaryReader(bytes);
    int format = in.readVarInt();
    if (format != FORMAT && format != 1) {
      throw new SerializationException("heap snapshot format " + format
          + " is not supported (this engine reads 1 and " + FORMAT + ")");
    }
    int stateCount = in.readVarInt();
    List<StateRows> states = new ArrayList<>(stateCount);
    for (int i = 0; i < stateCount; i++) {
      StateMetaInfo meta = new StateMetaInfo(in.readString(), in.readString(),
          StateKind.values()[in.readVarInt()], in.readVarInt(), format >= 2 ? in.readString() : "");
      boolean map = meta.kind() == StateKind.MAP;
      int rowCount = in.readVarInt();
      List<RawRow> rows = new ArrayList<>(rowCount);
      for (int r = 0; r < rowCount; r++) {
        int keyGroup = in.readVarInt();
        byte[] key = in.readLengthPrefixedBytes();
        long ns = in.readLong();
        byte[] userKey = map ? in.readLengthPrefixedBytes() : null;
        rows.add(new RawRow(keyGroup, key, ns, userKey, in.readLengthPrefixedBytes()));
      }
      states.add(new StateRows(meta, rows));
    }
    int timerSets = in.readVarInt();
    List<TimerRows> timers = new ArrayList<>(timerSets);
    for (int i = 0; i < timerSets; i++) {
      String nodeId = in.readString();
      TimeDomain domain = TimeDomain.values()[in.readVarInt()];
      int count = in.readVarInt();
      List<TimerRow> rows = new ArrayList<>(count);
      for (int r = 0; r < count; r++) {
        rows.add(new TimerRow(in.readVarInt(), in.readLengthPrefixedBytes(), in.readLong(),
            in.readLong()));
      }
      timers.add(new TimerRows(nodeId, domain, rows));
    }
    return new Contents(states, timers);
  }
}
