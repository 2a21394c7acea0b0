package io.millrace.engine.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.state.KeyedBackendParameters;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.KeyedStateHandle;
import io.millrace.engine.state.StateBackend;
import io.millrace.engine.state.StateBackendContractTest;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.ValueState;
import io.millrace.engine.serialization.Serializers;
import io.millrace.spec.plan.KeyGroupRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksObject;

class RocksDbStateBackendTest extends StateBackendContractTest {

  @Override
  protected StateBackend createStateBackend() {
    return new RocksDbStateBackend(RocksDbOptions.small());
  }

  @Override
  protected void assertResourcesReleased(KeyedStateBackend closed) {
    RocksDbKeyedStateBackend rocks = (RocksDbKeyedStateBackend) closed;
    List<RocksObject> handles = rocks.nativeHandles();
    assertThat(handles).as("native objects were created and tracked").isNotEmpty();
    assertThat(handles).allSatisfy(h ->
        assertThat(h.isOwningHandle()).as("%s still owns its native handle", h).isFalse());
    assertThat(rocks.workingDirectory()).doesNotExist();
  }

  @TempDir
  Path own;

  @Test
  void everyNativeHandleIsClosedIncludingSharedOnesAndThoseOfARescaledRestore() throws Exception {
    RocksDbStateBackend backend = new RocksDbStateBackend(RocksDbOptions.small());
    FileCheckpointStore store = new FileCheckpointStore(own.resolve("store"));
    StateDescriptor<ValueState<Long>> d = StateDescriptor.value("v", Serializers.LONG);
    List<KeyedStateHandle> halves = new ArrayList<>();
    for (KeyGroupRange r : List.of(new KeyGroupRange(0, 63), new KeyGroupRange(64, 127))) {
      try (KeyedStateBackend half = backend.createKeyedStateBackend(params(r, "half-" + r.start()))) {
        ValueState<Long> v = half.getState("n", d);
        for (int i = 0; i < 50; i++) {
          Object key = "k" + i;
          if (r.contains(io.millrace.spec.plan.KeyGroups.keyGroupFor(key, 128))) {
            half.setCurrentKey(key);
            v.update((long) i);
          }
        }
        half.timerService("n");
        halves.add(half.snapshot(1, store, "chk-1/" + r.start()).run());
        assertResourcesReleasedLater.add((RocksDbKeyedStateBackend) half);
      }
    }
    RocksDbKeyedStateBackend merged = (RocksDbKeyedStateBackend) backend.createKeyedStateBackend(
        params(new KeyGroupRange(0, 127), "merged"));
    merged.restore(store, halves);
    ValueState<Long> v = merged.getState("n", d);
    for (int i = 0; i < 50; i++) {
      merged.setCurrentKey("k" + i);
      assertThat(v.value()).isEqualTo((long) i);
    }
    merged.close();
    assertResourcesReleased(merged);
    for (RocksDbKeyedStateBackend b : assertResourcesReleasedLater) {
      assertResourcesReleased(b);
    }
    assertThat(merged.nativeHandles().size())
        .as("the read-only database of the second half was tracked too")
        .isGreaterThan(assertResourcesReleasedLater.get(0).nativeHandles().size());
    backend.close();
    assertThat(backend.nativeHandles()).hasSize(2)
        .allSatisfy(h -> assertThat(h.isOwningHandle()).isFalse());
  }

  @Test
  void closingTheSharedBackendFirstClosesKeyedBackendsStillOpen() {
    RocksDbStateBackend backend = new RocksDbStateBackend(RocksDbOptions.small());
    RocksDbKeyedStateBackend keyed = (RocksDbKeyedStateBackend) backend.createKeyedStateBackend(
        params(new KeyGroupRange(0, 127), "forgotten"));
    keyed.getState("n", StateDescriptor.value("v", Serializers.LONG));
    backend.close();
    assertResourcesReleased(keyed);
    assertThat(backend.nativeHandles()).allSatisfy(h -> assertThat(h.isOwningHandle()).isFalse());
  }

  private final List<RocksDbKeyedStateBackend> assertResourcesReleasedLater = new ArrayList<>();

  private KeyedBackendParameters params(KeyGroupRange range, String name) {
    return new KeyedBackendParameters(name, List.of("n"), range, 128, own.resolve(name),
        clock::get);
  }

  @Test
  void aSecondCheckpointReusesUnchangedSstFiles() throws Exception {
    RocksDbStateBackend backend = new RocksDbStateBackend(RocksDbOptions.small());
    FileCheckpointStore store = new FileCheckpointStore(own.resolve("inc"));
    try (KeyedStateBackend b = backend.createKeyedStateBackend(
        params(new KeyGroupRange(0, 127), "inc"))) {
      ValueState<Long> v = b.getState("n", StateDescriptor.value("v", Serializers.LONG));
      for (int i = 0; i < 1000; i++) {
        b.setCurrentKey("k" + i);
        v.update((long) i);
      }
      KeyedStateHandle first = b.snapshot(1, store, "chk-1/t").run();
      b.setCurrentKey("k1");
      v.update(-1L);
      KeyedStateHandle second = b.snapshot(2, store, "chk-2/t").run();
      List<String> firstShared = first.files().stream().filter(KeyedStateHandle.StateFile::shared)
          .map(KeyedStateHandle.StateFile::storePath).toList();
      List<String> secondShared = second.files().stream()
          .filter(KeyedStateHandle.StateFile::shared).map(KeyedStateHandle.StateFile::storePath)
          .toList();
      assertThat(firstShared).isNotEmpty();
      assertThat(secondShared).containsAll(firstShared);
      assertThat(secondShared.size()).isGreaterThan(firstShared.size());
      assertThat(Files.exists(own.resolve("inc").resolve(firstShared.get(0)))).isTrue();
    }
    backend.close();
  }
}
