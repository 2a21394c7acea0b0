package io.millrace.engine.connector;

/**
 * Encodes a split with its position for checkpoints. No Java serialization: write a version byte
 * first so the format can evolve.
 */
public interface SplitCodec<S extends SourceSplit> {

  byte[] encode(S split);

  S decode(byte[] bytes);
}
