package io.millrace.engine.checkpoint.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Delegates to a real store and records every write (to prove what an upload sent). */
public final class CountingCheckpointStore implements CheckpointStore {

  private final CheckpointStore delegate;
  private final List<String> writes = new CopyOnWriteArrayList<>();

  public CountingCheckpointStore(CheckpointStore delegate) {
    this.delegate = delegate;
  }

  /** Paths written since the last {@link #resetWrites()}, in order. */
  public List<String> writes() {
    return List.copyOf(writes);
  }

  public void resetWrites() {
    writes.clear();
  }

  @Override
  public URI uri() {
    return delegate.uri();
  }

  @Override
  public void put(String path, byte[] data) throws IOException {
    writes.add(path);
    delegate.put(path, data);
  }

  @Override
  public void putFile(String path, Path source) throws IOException {
    writes.add(path);
    delegate.putFile(path, source);
  }

  @Override
  public byte[] get(String path) throws IOException {
    return delegate.get(path);
  }

  @Override
  public InputStream open(String path) throws IOException {
    return delegate.open(path);
  }

  @Override
  public void getFile(String path, Path target) throws IOException {
    delegate.getFile(path, target);
  }

  @Override
  public boolean exists(String path) throws IOException {
    return delegate.exists(path);
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    return delegate.list(prefix);
  }

  @Override
  public void delete(String path) throws IOException {
    delegate.delete(path);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
