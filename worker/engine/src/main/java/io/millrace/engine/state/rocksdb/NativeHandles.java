package io.millrace.engine.state.rocksdb;

import java.util.ArrayList;
import java.util.List;
import org.rocksdb.RocksObject;

/**
 * Every long-lived RocksDB native object of one owner, closed in reverse creation order (a column
 * family handle before its database, the database before its options). Short-lived ones
 * (iterators, slices, checkpoints) use try-with-resources instead.
 */
final class NativeHandles implements AutoCloseable {

  private final List<RocksObject> handles = new ArrayList<>();

  <T extends RocksObject> T track(T handle) {
    handles.add(handle);
    return handle;
  }

  /** Closes one handle early (e.g. a temporary database) and forgets it. */
  void closeNow(RocksObject handle) {
    handle.close();
  }

  /** All handles ever tracked (for leak tests: none may still own its native handle). */
  List<RocksObject> all() {
    return List.copyOf(handles);
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (int i = handles.size() - 1; i >= 0; i--) {
      try {
        handles.get(i).close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
