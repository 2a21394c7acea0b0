package io.millrace.engine.connector;

/** Encodes committables for checkpoints (no Java serialization; version the format). */
public interface CommittableCodec<C> {

  byte[] encode(C committable);

  C decode(byte[] bytes);
}
