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

  /**
   * The RocksDB timer queue's in-memory bounds (lower bound, cached next timestamp, continuing after
   * the last fired key) against the heap queue as the reference: the same random registrations,
   * deletions and advances — also timers registered before already-fired times and callbacks that
   * register and delete — fire the same timers in the same order, with the same sizes and next
   * timestamps.
   */
  @Test
  void timerQueueMatchesTheHeapQueueUnderRandomOperations() throws Exception {
    java.util.Random random = new java.util.Random(7);
    try (StateBackend heapBackend = new io.millrace.engine.state.heap.HeapStateBackend();
        StateBackend rocksBackend = new RocksDbStateBackend(RocksDbOptions.small());
        KeyedStateBackend heap = heapBackend.createKeyedStateBackend(params(new KeyGroupRange(0, 127), "heap"));
        KeyedStateBackend rocks = rocksBackend.createKeyedStateBackend(params(new KeyGroupRange(0, 127), "rocks"))) {
      List<KeyedStateBackend> both = List.of(heap, rocks);
      List<List<io.millrace.engine.state.Timer>> fired = List.of(new ArrayList<>(), new ArrayList<>());
      long time = 0;
      for (int step = 0; step < 3_000; step++) {
        int op = random.nextInt(10);
        String key = "k" + random.nextInt(40);
        long at = time - 50 + random.nextInt(400); // also before what already fired
        long namespace = random.nextInt(3);
        long advance = time + random.nextInt(120);
        long callbackSeed = random.nextLong();
        for (int b = 0; b < 2; b++) {
          KeyedStateBackend backend = both.get(b);
          var timers = backend.timerService("n");
          if (op < 6) {
            backend.setCurrentKey(key);
            timers.registerTimer(io.millrace.engine.state.TimeDomain.EVENT_TIME, namespace, at);
          } else if (op < 7) {
            backend.setCurrentKey(key);
            timers.deleteTimer(io.millrace.engine.state.TimeDomain.EVENT_TIME, namespace, at);
          } else {
            java.util.Random inCallback = new java.util.Random(callbackSeed);
            List<io.millrace.engine.state.Timer> out = fired.get(b);
            timers.advanceTo(io.millrace.engine.state.TimeDomain.EVENT_TIME, advance, t -> {
              out.add(t);
              int what = inCallback.nextInt(6);
              if (what == 0) { // a due timer, possibly earlier than the one firing
                timers.registerTimer(io.millrace.engine.state.TimeDomain.EVENT_TIME, 9, t.timestamp() - inCallback.nextInt(30));
              } else if (what == 1) { // a later one
                timers.registerTimer(io.millrace.engine.state.TimeDomain.EVENT_TIME, 8, t.timestamp() + 1 + inCallback.nextInt(300));
              } else if (what == 2) {
                backend.setCurrentKey("k" + inCallback.nextInt(40));
                timers.deleteTimer(io.millrace.engine.state.TimeDomain.EVENT_TIME, inCallback.nextInt(3),
                    t.timestamp() + inCallback.nextInt(50));
              }
            });
          }
        }
        if (op >= 7) {
          time = Math.max(time, advance);
        }
        var heapTimers = heap.timerService("n");
        var rocksTimers = rocks.timerService("n");
        assertThat(fired.get(1)).as("step %d", step).isEqualTo(fired.get(0));
        assertThat(rocksTimers.size(io.millrace.engine.state.TimeDomain.EVENT_TIME))
            .isEqualTo(heapTimers.size(io.millrace.engine.state.TimeDomain.EVENT_TIME));
        assertThat(rocksTimers.nextTimestamp(io.millrace.engine.state.TimeDomain.EVENT_TIME)).as("step %d", step)
            .isEqualTo(heapTimers.nextTimestamp(io.millrace.engine.state.TimeDomain.EVENT_TIME));
      }
      assertThat(fired.get(0)).hasSizeGreaterThan(500);
    }
  }
}
