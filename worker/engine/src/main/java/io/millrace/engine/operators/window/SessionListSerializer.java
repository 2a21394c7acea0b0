package io.millrace.engine.operators.window;

import io.millrace.engine.serialization.BinaryReader;
import io.millrace.engine.serialization.BinaryWriter;
import io.millrace.engine.serialization.ValueSerializer;
import java.util.ArrayList;
import java.util.List;

/** The live sessions of a key: varint count, then (start, end, stateId) as zig-zag varints. */
public final class SessionListSerializer implements ValueSerializer<List<SessionWindow>> {

  public static final SessionListSerializer INSTANCE = new SessionListSerializer();

  private SessionListSerializer() {}

  @Override
  public void serialize(List<SessionWindow> sessions, BinaryWriter out) {
    out.writeVarInt(sessions.size());
    for (SessionWindow s : sessions) {
      out.writeZigZagLong(s.start()).writeZigZagLong(s.end()).writeZigZagLong(s.stateId());
    }
  }

  @Override
  public List<SessionWindow> deserialize(BinaryReader in) {
    int n = in.readVarInt();
    List<SessionWindow> sessions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sessions.add(new SessionWindow(in.readZigZagLong(), in.readZigZagLong(), in.readZigZagLong()));
    }
    return sessions;
  }

  @Override
  public int version() {
    return 1;
  }
}
