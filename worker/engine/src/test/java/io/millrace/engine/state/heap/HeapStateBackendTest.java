package io.millrace.engine.state.heap;

import io.millrace.engine.state.StateBackend;
import io.millrace.engine.state.StateBackendContractTest;

class HeapStateBackendTest extends StateBackendContractTest {

  @Override
  protected StateBackend createStateBackend() {
    return new HeapStateBackend();
  }
}
