package io.millrace.engine.checkpoint.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * An object store for checkpoint data, addressed by relative paths ({@code a/b/c}, no leading
 * slash, no {@code ..}). Writes are whole-object and atomic for readers: an object is either
 * absent or complete. Implementations are thread-safe.
 */
public interface CheckpointStore extends AutoCloseable {

  /** The store's root, e.g. {@code file:///var/millrace/checkpoints} or {@code s3://b/prefix}. */
  URI uri();

  /** Writes (or replaces) an object from bytes. */
  void put(String path, byte[] data) throws IOException;

  /** Writes (or replaces) an object from a local file (streamed, not loaded in memory). */
  void putFile(String path, Path source) throws IOException;

  /** Reads a whole object. {@link java.nio.file.NoSuchFileException} when absent. */
  byte[] get(String path) throws IOException;

  /** Opens an object for streaming; the caller closes the stream. */
  InputStream open(String path) throws IOException;

  /** Copies an object into a local file (replacing it). */
  void getFile(String path, Path target) throws IOException;

  boolean exists(String path) throws IOException;

  /** Paths of all objects under {@code prefix} (a folder path, or "" for all), sorted. */
  List<String> list(String prefix) throws IOException;

  /** Deletes an object; absent is fine. */
  void delete(String path) throws IOException;

  /** Deletes every object under {@code prefix}. */
  default void deleteAll(String prefix) throws IOException {
    for (String path : list(prefix)) {
      delete(path);
    }
  }

  @Override
  void close();
}
