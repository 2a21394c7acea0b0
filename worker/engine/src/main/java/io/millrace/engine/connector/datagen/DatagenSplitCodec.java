package io.millrace.engine.connector.datagen;

import io.millrace.engine.connector.SplitCodec;
import java.nio.ByteBuffer;

/** Version byte 1, then split index, split count and next event index. */
final class DatagenSplitCodec implements SplitCodec<DatagenSplit> {

  private static final byte VERSION = 1;

  @Override
  public byte[] encode(DatagenSplit split) {
    return ByteBuffer.allocate(17).put(VERSION).putInt(split.index()).putInt(split.splitCount())
        .putLong(split.nextEventIndex()).array();
  }

  @Override
  public DatagenSplit decode(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    byte version = buffer.get();
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown datagen split format " + version + " (this build reads " + VERSION + ")");
    }
    return new DatagenSplit(buffer.getInt(), buffer.getInt(), buffer.getLong());
  }
}
