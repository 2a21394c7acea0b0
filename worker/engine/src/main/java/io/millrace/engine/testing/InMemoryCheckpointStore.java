package io.millrace.engine.testing;

import io.millrace.engine.checkpoint.store.CheckpointStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** A checkpoint store in memory, for operator tests (no files). Thread-safe. */
public final class InMemoryCheckpointStore implements CheckpointStore {

  private final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();

  @Override
  public URI uri() {
    return URI.create("memory:/");
  }

  @Override
  public void put(String path, byte[] data) {
    objects.put(path, data.clone());
  }

  @Override
  public void putFile(String path, Path source) throws IOException {
    objects.put(path, Files.readAllBytes(source));
  }

  @Override
  public byte[] get(String path) throws IOException {
    byte[] data = objects.get(path);
    if (data == null) {
      throw new NoSuchFileException(path);
    }
    return data.clone();
  }

  @Override
  public InputStream open(String path) throws IOException {
    return new ByteArrayInputStream(get(path));
  }

  @Override
  public void getFile(String path, Path target) throws IOException {
    Files.write(target, get(path));
  }

  @Override
  public boolean exists(String path) {
    return objects.containsKey(path);
  }

  @Override
  public List<String> list(String prefix) {
    return objects.keySet().stream().filter(p -> p.startsWith(prefix)).toList();
  }

  @Override
  public void delete(String path) {
    objects.remove(path);
  }

  @Override
  public void close() {}
}
