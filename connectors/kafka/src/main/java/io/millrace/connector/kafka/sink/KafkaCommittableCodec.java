package io.millrace.connector.kafka.sink;

import io.millrace.engine.connector.CommittableCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@link KafkaCommittable} in checkpoints: a version byte, the transactional id (modified UTF-8), producer id, epoch. */
final class KafkaCommittableCodec implements CommittableCodec<KafkaCommittable> {

  private static final byte VERSION = 1;

  @Override
  public byte[] encode(KafkaCommittable committable) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(committable.transactionalId());
      out.writeLong(committable.producerId());
      out.writeShort(committable.epoch());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory stream: cannot happen
    }
    return bytes.toByteArray();
  }

  @Override
  public KafkaCommittable decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("kafka-sink committable has format version " + version
            + ", this engine reads version " + VERSION + " (checkpoint written by a newer engine?)");
      }
      return new KafkaCommittable(in.readUTF(), in.readLong(), in.readShort());
    } catch (IOException e) {
      throw new IllegalArgumentException("kafka-sink committable is truncated or corrupt (" + bytes.length + " bytes)", e);
    }
  }
}
