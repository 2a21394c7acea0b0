package io.millrace.engine.testing;

import io.millrace.engine.state.KeyedStateHandle;
import java.util.List;

/**
 * What {@link OperatorTestHarness#snapshot} took: the operator's state entries and the keyed handle
 * (its files live in the harness's store, which a restored harness shares).
 */
public record OperatorSnapshot(long checkpointId, List<byte[]> operatorState, KeyedStateHandle keyedState,
    InMemoryCheckpointStore store) {}
