package io.millrace.engine.state;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The asynchronous part of a snapshot, returned by {@link KeyedStateBackend#snapshot} after its
 * short synchronous part. The runtime runs it off the task thread (uploads can take long) while
 * the task keeps processing. Run it exactly once, or {@link #discard()} it.
 */
public interface SnapshotTask {

  /** Uploads the snapshot and returns its handle. Blocking. */
  KeyedStateHandle run() throws Exception;

  /** Releases local resources (native checkpoint dirs, copies) without uploading. */
  void discard();

  /** Runs {@link #run()} on {@code executor}; failures complete the future exceptionally. */
  default CompletableFuture<KeyedStateHandle> runAsync(Executor executor) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return run();
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, executor);
  }
}
