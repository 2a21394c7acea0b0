package io.millrace.engine.connector.file;

import io.millrace.engine.connector.CommittableCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@link FilePart} in checkpoints: a version byte, then both names as modified UTF-8. */
final class FilePartCodec implements CommittableCodec<FilePart> {

  private static final byte VERSION = 1;

  @Override
  public byte[] encode(FilePart part) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(part.pendingName());
      out.writeUTF(part.finalName());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory stream: cannot happen
    }
    return bytes.toByteArray();
  }

  @Override
  public FilePart decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("file-sink committable has format version " + version
            + ", this engine reads version " + VERSION + " (checkpoint written by a newer engine?)");
      }
      return new FilePart(in.readUTF(), in.readUTF());
    } catch (IOException e) {
      throw new IllegalArgumentException("file-sink committable is truncated or corrupt (" + bytes.length + " bytes)", e);
    }
  }

  static CommittableCodec<FilePart> instance() {
    return new FilePartCodec();
  }
}
