package io.millrace.engine.state.heap;

import io.millrace.engine.state.KeyedBackendParameters;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.StateBackend;

/** Keeps keyed state on the Java heap: for tests and tiny jobs. No shared resources. */
public final class HeapStateBackend implements StateBackend {

  public static final String KIND = "heap";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public KeyedStateBackend createKeyedStateBackend(KeyedBackendParameters parameters) {
    return new HeapKeyedStateBackend(parameters);
  }

  @Override
  public void close() {
    // nothing shared
  }
}
