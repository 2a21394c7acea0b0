package io.millrace.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.checkpoint.store.CheckpointStore;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.serialization.Serializers;
import io.millrace.spec.plan.KeyGroupRange;
import io.millrace.spec.plan.KeyGroups;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link StateBackend} fulfils (STYLE.md point 9): one test class, run for the
 * heap and the RocksDB backend by subclasses.
 */
public abstract class StateBackendContractTest {

  static final String NODE = "counts";
  static final int MAX_P = 128;

  static final StateDescriptor<ValueState<Long>> COUNT =
      StateDescriptor.value("count", Serializers.LONG);
  static final StateDescriptor<ListState<String>> EVENTS =
      StateDescriptor.list("events", Serializers.STRING);
  static final StateDescriptor<MapState<String, Object>> FIELDS =
      StateDescriptor.map("fields", Serializers.STRING, Serializers.RECORD);
  static final StateDescriptor<ReducingState<Long>> SUM =
      StateDescriptor.reducing("sum", Long::sum, Serializers.LONG);
  static final StateDescriptor<AggregatingState<Long, Double>> AVG =
      StateDescriptor.aggregating("avg", new Average(), Serializers.listOf(Serializers.LONG));

  @TempDir
  Path tmp;

  protected final AtomicLong clock = new AtomicLong(1_000_000L);
  private StateBackend stateBackend;
  private final List<KeyedStateBackend> opened = new ArrayList<>();
  private CheckpointStore store;
  private int dirs;

  /** The backend under test. */
  protected abstract StateBackend createStateBackend();

  /** Backend-specific checks after {@code close()} (RocksDB: every native handle released). */
  protected void assertResourcesReleased(KeyedStateBackend closed) {}

  @BeforeEach
  void setUp() {
    stateBackend = createStateBackend();
    store = new FileCheckpointStore(tmp.resolve("store"));
  }

  @AfterEach
  void tearDown() {
    for (KeyedStateBackend b : opened) {
      b.close();
      assertResourcesReleased(b);
    }
    stateBackend.close();
  }

  protected KeyedStateBackend backend(KeyGroupRange range) {
    return backend(range, List.of(NODE));
  }

  protected KeyedStateBackend backend(KeyGroupRange range, List<String> nodeIds) {
    KeyedStateBackend b = stateBackend.createKeyedStateBackend(new KeyedBackendParameters(
        "task-" + dirs, nodeIds, range, MAX_P, tmp.resolve("work-" + dirs++), clock::get));
    opened.add(b);
    return b;
  }

  protected KeyedStateBackend backend() {
    return backend(new KeyGroupRange(0, MAX_P - 1));
  }

  /** Average over longs; accumulator = [sum, count]. */
  static final class Average implements AggregateFunction<Long, List<Long>, Double> {
    @Override
    public List<Long> createAccumulator() {
      return List.of(0L, 0L);
    }

    @Override
    public List<Long> add(Long value, List<Long> acc) {
      return List.of(acc.get(0) + value, acc.get(1) + 1);
    }

    @Override
    public Double getResult(List<Long> acc) {
      return acc.get(1) == 0 ? null : (double) acc.get(0) / acc.get(1);
    }

    @Override
    public List<Long> merge(List<Long> a, List<Long> b) {
      return List.of(a.get(0) + b.get(0), a.get(1) + b.get(1));
    }
  }

  // ---------------------------------------------------------------- state kinds and namespaces

  @Test
  void valueStateIsScopedByKeyAndNamespace() {
    KeyedStateBackend b = backend();
    ValueState<Long> count = b.getState(NODE, COUNT);
    b.setCurrentKey("alice");
    assertThat(count.value()).isNull();
    count.update(1L);
    b.setCurrentNamespace(7);
    assertThat(count.value()).isNull();
    count.update(70L);
    b.setCurrentKey("bob");
    b.setCurrentNamespace(0);
    assertThat(count.value()).isNull();
    count.update(2L);
    b.setCurrentKey("alice");
    assertThat(count.value()).isEqualTo(1L);
    b.setCurrentNamespace(7);
    assertThat(count.value()).isEqualTo(70L);
    count.update(null);
    assertThat(count.value()).isNull();
    b.setCurrentNamespace(0);
    count.clear();
    assertThat(count.value()).isNull();
    b.setCurrentKey("bob");
    assertThat(count.value()).isEqualTo(2L);
  }

  @Test
  void keysOfEqualValueMeetWhateverTheirJavaType() {
    KeyedStateBackend b = backend();
    ValueState<Long> count = b.getState(NODE, COUNT);
    b.setCurrentKey(new byte[] {1, 2, 3});
    count.update(5L);
    b.setCurrentKey(new byte[] {1, 2, 3});
    assertThat(count.value()).isEqualTo(5L);
    b.setCurrentKey(42);
    count.update(9L);
    b.setCurrentKey(42L);
    assertThat(count.value()).isEqualTo(9L);
    b.setCurrentKey(List.of("a", 1L));
    count.update(11L);
    b.setCurrentKey(List.of("a", 1L));
    assertThat(count.value()).isEqualTo(11L);
  }

  @Test
  void listStateAppendsUpdatesAndClears() {
    KeyedStateBackend b = backend();
    ListState<String> events = b.getState(NODE, EVENTS);
    b.setCurrentKey("k");
    assertThat(events.get()).isEmpty();
    events.add("a");
    events.add("b");
    events.addAll(List.of("c", "d"));
    assertThat(events.get()).containsExactly("a", "b", "c", "d");
    b.setCurrentNamespace(3);
    assertThat(events.get()).isEmpty();
    b.setCurrentNamespace(0);
    events.update(List.of("x"));
    assertThat(events.get()).containsExactly("x");
    events.update(List.of());
    assertThat(events.get()).isEmpty();
    events.add("y");
    events.clear();
    assertThat(events.get()).isEmpty();
  }

  @Test
  void mapStatePutsGetsRemovesAndLists() {
    KeyedStateBackend b = backend();
    MapState<String, Object> fields = b.getState(NODE, FIELDS);
    b.setCurrentKey("k");
    assertThat(fields.isEmpty()).isTrue();
    fields.put("a", 1L);
    fields.put("b", Map.of("nested", List.of("x", 2.5)));
    fields.putAll(Map.of("c", "see"));
    assertThat(fields.get("a")).isEqualTo(1L);
    assertThat(fields.get("b")).isEqualTo(Map.of("nested", List.of("x", 2.5)));
    assertThat(fields.contains("c")).isTrue();
    assertThat(fields.contains("z")).isFalse();
    assertThat(fields.entries()).containsOnlyKeys("a", "b", "c");
    fields.remove("a");
    fields.put("c", null);
    assertThat(fields.entries()).containsOnlyKeys("b");
    b.setCurrentKey("other");
    assertThat(fields.isEmpty()).isTrue();
    b.setCurrentKey("k");
    fields.clear();
    assertThat(fields.isEmpty()).isTrue();
    assertThat(fields.get("b")).isNull();
  }

  @Test
  void reducingStateReducesAndMergesNamespaces() {
    KeyedStateBackend b = backend();
    ReducingState<Long> sum = b.getState(NODE, SUM);
    b.setCurrentKey("k");
    assertThat(sum.get()).isNull();
    sum.add(3L);
    sum.add(4L);
    assertThat(sum.get()).isEqualTo(7L);
    b.setCurrentNamespace(1);
    sum.add(10L);
    b.setCurrentNamespace(2);
    sum.add(100L);
    sum.mergeNamespaces(0, List.of(1L, 2L, 5L));
    b.setCurrentNamespace(0);
    assertThat(sum.get()).isEqualTo(117L);
    b.setCurrentNamespace(1);
    assertThat(sum.get()).isNull();
    b.setCurrentNamespace(2);
    assertThat(sum.get()).isNull();
  }

  @Test
  void aggregatingStateAggregatesAndMergesNamespaces() {
    KeyedStateBackend b = backend();
    AggregatingState<Long, Double> avg = b.getState(NODE, AVG);
    b.setCurrentKey("k");
    assertThat(avg.get()).isNull();
    avg.add(2L);
    avg.add(4L);
    assertThat(avg.get()).isEqualTo(3.0);
    b.setCurrentNamespace(9);
    avg.add(12L);
    avg.mergeNamespaces(20, List.of(0L, 9L));
    b.setCurrentNamespace(20);
    assertThat(avg.get()).isEqualTo(6.0);
    b.setCurrentNamespace(0);
    assertThat(avg.get()).isNull();
  }

  @Test
  void forEachKeyVisitsKeysWithStateInANamespaceAndAllowsClearing() {
    KeyedStateBackend b = backend();
    ValueState<Long> count = b.getState(NODE, COUNT);
    for (String key : List.of("a", "b", "c", "d")) {
      b.setCurrentKey(key);
      b.setCurrentNamespace(key.equals("d") ? 2 : 1);
      count.update((long) key.charAt(0));
    }
    Map<Object, Long> seen = new HashMap<>();
    b.setCurrentNamespace(1);
    b.forEachKey(NODE, COUNT, 1, key -> {
      seen.put(key, count.value());
      count.clear();
    });
    assertThat(seen).containsOnlyKeys("a", "b", "c").containsEntry("b", (long) 'b');
    List<Object> after = new ArrayList<>();
    b.forEachKey(NODE, COUNT, 1, after::add);
    assertThat(after).isEmpty();
    b.forEachKey(NODE, COUNT, 2, after::add);
    assertThat(after).containsExactly("d");
  }

  @Test
  void redeclaringAStateDifferentlyAndKeysOutsideTheRangeAreRejected() {
    KeyedStateBackend b = backend(new KeyGroupRange(0, 63));
    b.getState(NODE, COUNT);
    assertThat(b.getState(NODE, COUNT)).isNotNull();
    assertThatThrownBy(() -> b.getState(NODE, StateDescriptor.list("count", Serializers.LONG)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already declared");
    Object outside = keyInGroups(64, 127, 0);
    assertThatThrownBy(() -> b.setCurrentKey(outside))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside");
    ValueState<Long> count = b.getState(NODE, COUNT);
    KeyedStateBackend fresh = backend();
    ValueState<Long> freshCount = fresh.getState(NODE, COUNT);
    assertThatThrownBy(freshCount::value).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("setCurrentKey");
    assertThat(count).isNotNull();
  }

  // ---------------------------------------------------------------- TTL

  @Test
  void ttlExpiresValuesOnWriteTimeAndNeverReturnsExpiredOnes() {
    KeyedStateBackend b = backend();
    ValueState<Long> v = b.getState(NODE,
        StateDescriptor.value("v", Serializers.LONG).withTtl(StateTtlConfig.onWrite(
            Duration.ofSeconds(10))));
    b.setCurrentKey("k");
    v.update(1L);
    clock.addAndGet(9_000);
    assertThat(v.value()).isEqualTo(1L);
    clock.addAndGet(900);
    assertThat(v.value()).as("reads do not refresh with on-write TTL").isEqualTo(1L);
    clock.addAndGet(100);
    assertThat(v.value()).isNull();
    v.update(2L);
    clock.addAndGet(9_999);
    assertThat(v.value()).isEqualTo(2L);
    List<Object> keys = new ArrayList<>();
    clock.addAndGet(1);
    b.forEachKey(NODE, StateDescriptor.value("v", Serializers.LONG)
        .withTtl(StateTtlConfig.onWrite(Duration.ofSeconds(10))), 0, keys::add);
    assertThat(keys).isEmpty();
  }

  @Test
  void ttlOnReadAndWriteIsRefreshedByReads() {
    KeyedStateBackend b = backend();
    ValueState<Long> v = b.getState(NODE, StateDescriptor.value("v", Serializers.LONG)
        .withTtl(StateTtlConfig.onReadAndWrite(Duration.ofSeconds(10))));
    b.setCurrentKey("k");
    v.update(1L);
    for (int i = 0; i < 5; i++) {
      clock.addAndGet(8_000);
      assertThat(v.value()).isEqualTo(1L);
    }
    clock.addAndGet(10_000);
    assertThat(v.value()).isNull();
  }

  @Test
  void ttlAppliesPerListElementAndPerMapEntry() {
    KeyedStateBackend b = backend();
    StateTtlConfig ttl = StateTtlConfig.onWrite(Duration.ofSeconds(10));
    ListState<String> list = b.getState(NODE,
        StateDescriptor.list("l", Serializers.STRING).withTtl(ttl));
    MapState<String, Long> map = b.getState(NODE,
        StateDescriptor.map("m", Serializers.STRING, Serializers.LONG).withTtl(ttl));
    ReducingState<Long> sum = b.getState(NODE,
        StateDescriptor.reducing("s", Long::sum, Serializers.LONG).withTtl(ttl));
    b.setCurrentKey("k");
    list.add("old");
    map.put("old", 1L);
    sum.add(5L);
    clock.addAndGet(6_000);
    list.add("new");
    map.put("new", 2L);
    assertThat(list.get()).containsExactly("old", "new");
    clock.addAndGet(5_000);
    assertThat(list.get()).containsExactly("new");
    assertThat(map.get("old")).isNull();
    assertThat(map.entries()).containsOnlyKeys("new");
    assertThat(sum.get()).isNull();
    sum.add(1L);
    assertThat(sum.get()).as("an expired value does not seed the reduction").isEqualTo(1L);
  }

  @Test
  void expiredValuesAreNotResurrectedByARestore() throws Exception {
    KeyedStateBackend b = backend();
    StateDescriptor<ValueState<Long>> d = StateDescriptor.value("v", Serializers.LONG)
        .withTtl(StateTtlConfig.onWrite(Duration.ofSeconds(10)));
    b.getState(NODE, d);
    b.setCurrentKey("k");
    b.getState(NODE, d).update(1L);
    KeyedStateHandle h = b.snapshot(1, store, "chk-1/t0").run();
    clock.addAndGet(10_000);
    KeyedStateBackend restored = backend();
    restored.restore(store, List.of(h));
    restored.setCurrentKey("k");
    assertThat(restored.getState(NODE, d).value()).isNull();
  }

  // ---------------------------------------------------------------- timers

  @Test
  void timersFireInTimestampOrderOnceEach() throws Exception {
    KeyedStateBackend b = backend();
    InternalTimerService timers = b.timerService(NODE);
    b.setCurrentKey("a");
    timers.registerTimer(TimeDomain.EVENT_TIME, 1, 300);
    timers.registerTimer(TimeDomain.EVENT_TIME, 1, 100);
    timers.registerTimer(TimeDomain.EVENT_TIME, 1, 100);
    timers.registerTimer(TimeDomain.PROCESSING_TIME, 0, 50);
    b.setCurrentKey("b");
    timers.registerTimer(TimeDomain.EVENT_TIME, 2, 200);
    timers.registerTimer(TimeDomain.EVENT_TIME, 2, 250);
    timers.deleteTimer(TimeDomain.EVENT_TIME, 2, 250);
    timers.deleteTimer(TimeDomain.EVENT_TIME, 2, 999);
    assertThat(timers.size(TimeDomain.EVENT_TIME)).isEqualTo(3);
    assertThat(timers.nextTimestamp(TimeDomain.EVENT_TIME)).isEqualTo(100);

    List<Timer> fired = new ArrayList<>();
    int count = timers.advanceTo(TimeDomain.EVENT_TIME, 250, t -> {
      assertThat(b.currentKey()).isEqualTo(t.key());
      assertThat(b.currentNamespace()).isEqualTo(t.namespace());
      fired.add(t);
      if (t.timestamp() == 100) {
        // a timer registered while firing, due before the target time, fires in the same call
        timers.registerTimer(TimeDomain.EVENT_TIME, 1, 150);
      }
    });
    assertThat(count).isEqualTo(3);
    assertThat(fired).containsExactly(new Timer("a", 1, 100), new Timer("a", 1, 150),
        new Timer("b", 2, 200));
    assertThat(timers.nextTimestamp(TimeDomain.EVENT_TIME)).isEqualTo(300);
    assertThat(timers.advanceTo(TimeDomain.EVENT_TIME, 299, fired::add)).isZero();
    assertThat(timers.nextTimestamp(TimeDomain.PROCESSING_TIME)).isEqualTo(50);
    assertThat(timers.advanceTo(TimeDomain.PROCESSING_TIME, 50, fired::add)).isEqualTo(1);
    assertThat(timers.size(TimeDomain.PROCESSING_TIME)).isZero();
    assertThat(timers.nextTimestamp(TimeDomain.PROCESSING_TIME)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aTimerDeletedByAnEarlierTimersCallbackDoesNotFire() throws Exception {
    KeyedStateBackend b = backend();
    InternalTimerService timers = b.timerService(NODE);
    for (int i = 0; i < 600; i++) {
      b.setCurrentKey("k" + i);
      timers.registerTimer(TimeDomain.EVENT_TIME, 0, i);
    }
    List<Long> fired = new ArrayList<>();
    timers.advanceTo(TimeDomain.EVENT_TIME, 10_000, t -> {
      fired.add(t.timestamp());
      if (t.timestamp() == 10) {
        b.setCurrentKey("k300");
        timers.deleteTimer(TimeDomain.EVENT_TIME, 0, 300);
        b.setCurrentKey("k0");
        timers.registerTimer(TimeDomain.EVENT_TIME, 0, 5); // due, earlier than the rest
      }
    });
    assertThat(fired).hasSize(600).doesNotContain(300L);
    assertThat(fired.subList(0, 12)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L,
        5L);
    assertThat(fired.subList(12, fired.size())).isSorted();
    assertThat(timers.size(TimeDomain.EVENT_TIME)).isZero();
  }

  @Test
  void timersWithEqualTimestampsFireInADeterministicOrderAcrossBackends() throws Exception {
    KeyedStateBackend b = backend();
    InternalTimerService timers = b.timerService(NODE);
    List<String> keys = List.of("k1", "k2", "k3", "k4", "k5", "k6");
    for (String k : keys) {
      b.setCurrentKey(k);
      timers.registerTimer(TimeDomain.EVENT_TIME, 2, -5);
      timers.registerTimer(TimeDomain.EVENT_TIME, 1, -5);
    }
    List<Timer> fired = new ArrayList<>();
    timers.advanceTo(TimeDomain.EVENT_TIME, Long.MAX_VALUE, fired::add);
    List<Timer> expected = new ArrayList<>();
    keys.stream()
        .sorted(java.util.Comparator.comparingInt((String k) -> KeyGroups.keyGroupFor(k, MAX_P))
            .thenComparing(k -> k))
        .forEach(k -> {
          expected.add(new Timer(k, 1, -5));
          expected.add(new Timer(k, 2, -5));
        });
    assertThat(fired).containsExactlyElementsOf(expected);
  }

  // ---------------------------------------------------------------- snapshot and restore

  @Test
  void snapshotRestoresEveryKindAndTimersIntoAFreshBackend() throws Exception {
    KeyedStateBackend b = backend();
    fill(b, List.of("a", "b", "c"));
    KeyedStateHandle handle = b.snapshot(1, store, "chk-1/task-0").run();
    // changes after the snapshot call are not in it
    b.setCurrentKey("a");
    b.getState(NODE, COUNT).update(999L);

    KeyedStateHandle decoded = KeyedStateHandle.fromBytes(handle.toBytes());
    assertThat(decoded).isEqualTo(handle);
    assertThat(decoded.states()).extracting(StateMetaInfo::name)
        .contains("count", "events", "fields", "sum", "avg");

    KeyedStateBackend restored = backend();
    restored.restore(store, List.of(decoded));
    assertFilled(restored, List.of("a", "b", "c"));
  }

  @Test
  void restoredStatesNotYetDeclaredSurviveTheNextSnapshot() throws Exception {
    KeyedStateBackend b = backend();
    fill(b, List.of("a"));
    KeyedStateHandle first = b.snapshot(1, store, "chk-1/t").run();
    KeyedStateBackend middle = backend();
    middle.restore(store, List.of(first));
    middle.getState(NODE, COUNT); // only one state declared before the next checkpoint
    KeyedStateHandle second = middle.snapshot(2, store, "chk-2/t").run();
    KeyedStateBackend last = backend();
    last.restore(store, List.of(second));
    assertFilled(last, List.of("a"));
  }

  @Test
  void restoreRejectsAStateDeclaredWithAnotherSerializerVersion() throws Exception {
    KeyedStateBackend b = backend();
    b.getState(NODE, COUNT);
    KeyedStateHandle h = b.snapshot(1, store, "chk-1/t").run();
    KeyedStateBackend restored = backend();
    restored.restore(store, List.of(h));
    assertThatThrownBy(() -> restored.getState(NODE,
        StateDescriptor.value("count", Serializers.listOf(Serializers.LONG))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("serializer version");
  }

  @Test
  void restoreSplitsKeyGroupsAcrossNewSubtasksAndMergesThemBack() throws Exception {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      keys.add("key-" + i);
    }
    KeyedStateBackend whole = backend();
    fill(whole, keys);
    KeyedStateHandle all = whole.snapshot(1, store, "chk-1/whole").run();

    KeyGroupRange low = new KeyGroupRange(0, 63);
    KeyGroupRange high = new KeyGroupRange(64, 127);
    KeyedStateBackend left = backend(low);
    left.restore(store, List.of(all));
    KeyedStateBackend right = backend(high);
    right.restore(store, List.of(all));
    List<String> lowKeys = keys.stream().filter(k -> low.contains(group(k))).toList();
    List<String> highKeys = keys.stream().filter(k -> high.contains(group(k))).toList();
    assertThat(lowKeys).isNotEmpty();
    assertThat(highKeys).isNotEmpty();
    assertFilled(left, lowKeys);
    assertFilled(right, highKeys);
    assertOnlyKeys(left, lowKeys);
    assertOnlyKeys(right, highKeys);
    assertOnlyTimers(left, lowKeys);

    // each half changes, then both halves are merged back into one subtask
    left.setCurrentKey(lowKeys.get(0));
    left.setCurrentNamespace(0);
    left.getState(NODE, COUNT).update(-1L);
    KeyedStateHandle l = left.snapshot(2, store, "chk-2/left").run();
    KeyedStateHandle r = right.snapshot(2, store, "chk-2/right").run();
    KeyedStateBackend merged = backend();
    merged.restore(store, List.of(l, r));
    assertOnlyKeys(merged, keys);
    merged.setCurrentKey(lowKeys.get(0));
    merged.setCurrentNamespace(0);
    assertThat(merged.getState(NODE, COUNT).value()).isEqualTo(-1L);
    List<String> unchanged = keys.stream().filter(k -> !k.equals(lowKeys.get(0))).toList();
    assertFilled(merged, unchanged);
  }

  @Test
  void savepointsAreSelfContained() throws Exception {
    KeyedStateBackend b = backend();
    fill(b, List.of("a", "b"));
    KeyedStateHandle sp = b.snapshot(7, store, "savepoints/sp-1/t", SnapshotType.SAVEPOINT).run();
    assertThat(sp.type()).isEqualTo(SnapshotType.SAVEPOINT);
    assertThat(sp.files()).isNotEmpty().allSatisfy(f -> {
      assertThat(f.shared()).isFalse();
      assertThat(f.storePath()).startsWith("savepoints/sp-1/t/");
    });
    assertThat(store.list("shared")).isEmpty();
    KeyedStateBackend restored = backend();
    restored.restore(store, List.of(sp));
    assertFilled(restored, List.of("a", "b"));
  }

  // ---------------------------------------------------------------- restore dropping state (DESIGN.md §8.1)

  static final String OTHER = "other";

  private KeyedStateBackend twoNodes() {
    return backend(new KeyGroupRange(0, MAX_P - 1), List.of(NODE, OTHER));
  }

  /** NODE filled (every kind + timers), OTHER with a count of 7 and an event-time timer per key. */
  private KeyedStateHandle snapshotOfTwoNodes(List<String> keys) throws Exception {
    KeyedStateBackend b = twoNodes();
    fill(b, keys);
    ValueState<Long> other = b.getState(OTHER, COUNT);
    for (String k : keys) {
      b.setCurrentKey(k);
      other.update(7L);
      b.timerService(OTHER).registerTimer(TimeDomain.EVENT_TIME, 0, 42);
    }
    return KeyedStateHandle.fromBytes(b.snapshot(1, store, "chk-1/two").run().toBytes());
  }

  @Test
  void restoreDropsANamedStateAndItsNodesTimersAndKeepsEverythingElse() throws Exception {
    List<String> keys = List.of("a", "b", "c");
    KeyedStateHandle h = snapshotOfTwoNodes(keys);

    KeyedStateBackend restored = twoNodes();
    restored.restore(store, List.of(h), StateDrops.of(new DroppedState(NODE, "count")));

    ValueState<Long> count = restored.getState(NODE, COUNT);
    ListState<String> events = restored.getState(NODE, EVENTS);
    ValueState<Long> other = restored.getState(OTHER, COUNT);
    for (String k : keys) {
      restored.setCurrentKey(k);
      restored.setCurrentNamespace(0);
      assertThat(count.value()).as("dropped count of %s", k).isNull();
      assertThat(events.get()).as("kept events of %s", k).containsExactly(k + "-1", k + "-2");
      assertThat(other.value()).as("other node's count of %s", k).isEqualTo(7L);
      restored.setCurrentNamespace(5);
      assertThat(count.value()).isNull();
    }
    assertThat(restored.timerService(NODE).size(TimeDomain.EVENT_TIME)).as("timers of the dropped state's node")
        .isZero();
    assertThat(restored.timerService(NODE).size(TimeDomain.PROCESSING_TIME)).isZero();
    assertThat(restored.timerService(OTHER).size(TimeDomain.EVENT_TIME)).isEqualTo(keys.size());
  }

  @Test
  void restoreDroppingAWholeNodeStartsAllItsStatesEmptyAndNothingOfItReachesTheNextSnapshot() throws Exception {
    KeyedStateHandle h = snapshotOfTwoNodes(List.of("a", "b"));

    KeyedStateBackend restored = twoNodes();
    restored.restore(store, List.of(h), StateDrops.of(DroppedState.wholeNode(NODE)));
    restored.setCurrentKey("a");
    assertThat(restored.getState(OTHER, COUNT).value()).isEqualTo(7L);
    assertThat(restored.timerService(NODE).size(TimeDomain.EVENT_TIME)).isZero();
    KeyedStateHandle next = restored.snapshot(2, store, "chk-2/two").run();
    assertThat(next.states()).extracting(StateMetaInfo::qualifiedName).containsExactly(OTHER + "/count");

    KeyedStateBackend again = twoNodes();
    again.restore(store, List.of(next));
    again.setCurrentKey("a");
    for (StateDescriptor<?> d : List.of(COUNT, EVENTS, FIELDS, SUM, AVG)) {
      again.getState(NODE, d);
      assertThat(countKeys(again, NODE, d)).as("keys of %s", d).isZero();
    }
  }

  @Test
  void stateOfNodesTheTaskNoLongerRunsIsNotCarriedForward() throws Exception {
    KeyedStateHandle h = snapshotOfTwoNodes(List.of("a", "b"));

    KeyedStateBackend onlyOther = backend(new KeyGroupRange(0, MAX_P - 1), List.of(OTHER));
    onlyOther.restore(store, List.of(h));
    onlyOther.setCurrentKey("a");
    assertThat(onlyOther.getState(OTHER, COUNT).value()).isEqualTo(7L);
    KeyedStateHandle next = onlyOther.snapshot(2, store, "chk-2/other").run();

    assertThat(next.states()).extracting(StateMetaInfo::nodeId).containsOnly(OTHER);
    KeyedStateBackend both = twoNodes();
    both.restore(store, List.of(next));
    both.getState(NODE, COUNT);
    assertThat(countKeys(both, NODE, COUNT)).isZero();
    assertThat(both.timerService(NODE).size(TimeDomain.EVENT_TIME)).isZero();
    assertThat(both.timerService(OTHER).size(TimeDomain.EVENT_TIME)).isEqualTo(2);
  }

  @Test
  void aStateWhoseLayoutChangedFailsToRestoreUnlessDropped() throws Exception {
    KeyedStateBackend b = backend();
    b.setCurrentKey("a");
    b.getState(NODE, COUNT.withLayout("windows 5000 ms")).update(3L);
    KeyedStateHandle h = KeyedStateHandle.fromBytes(b.snapshot(1, store, "chk-1/t").run().toBytes());
    assertThat(h.states()).extracting(StateMetaInfo::layout).containsExactly("windows 5000 ms");

    KeyedStateBackend same = backend();
    same.restore(store, List.of(h));
    same.setCurrentKey("a");
    assertThat(same.getState(NODE, COUNT.withLayout("windows 5000 ms")).value()).isEqualTo(3L);

    KeyedStateBackend changed = backend();
    changed.restore(store, List.of(h));
    assertThatThrownBy(() -> changed.getState(NODE, COUNT.withLayout("windows 2000 ms")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'count' of node 'counts'")
        .hasMessageContaining("stored it as VALUE, serializer version " + COUNT.serializerVersion()
            + ", layout 'windows 5000 ms'")
        .hasMessageContaining("declares it as VALUE, serializer version " + COUNT.serializerVersion()
            + ", layout 'windows 2000 ms'")
        .hasMessageContaining("Confirm dropping it");

    KeyedStateBackend dropped = backend();
    dropped.restore(store, List.of(h), StateDrops.of(new DroppedState(NODE, "count")));
    dropped.setCurrentKey("a");
    assertThat(dropped.getState(NODE, COUNT.withLayout("windows 2000 ms")).value()).isNull();
  }

  @Test
  void aStateWhoseSerializerChangedCanBeDroppedToStartEmpty() throws Exception {
    KeyedStateBackend b = backend();
    b.setCurrentKey("a");
    b.getState(NODE, COUNT).update(3L);
    KeyedStateHandle h = b.snapshot(1, store, "chk-1/t").run();
    StateDescriptor<ValueState<List<Long>>> other = StateDescriptor.value("count", Serializers.listOf(Serializers.LONG));

    KeyedStateBackend dropped = backend();
    dropped.restore(store, List.of(h), StateDrops.of(new DroppedState(NODE, "count")));
    dropped.setCurrentKey("a");
    assertThat(dropped.getState(NODE, other).value()).isNull();
  }

  private static long countKeys(KeyedStateBackend b, String node, StateDescriptor<?> d) {
    long[] n = {0};
    for (long ns : new long[] {0, 5}) {
      b.forEachKey(node, d, ns, k -> n[0]++);
    }
    return n[0];
  }

  // ---------------------------------------------------------------- helpers

  static int group(Object key) {
    return KeyGroups.keyGroupFor(key, MAX_P);
  }

  static Object keyInGroups(int from, int to, int skip) {
    int found = 0;
    for (int i = 0; ; i++) {
      String k = "probe-" + i;
      int g = group(k);
      if (g >= from && g <= to && found++ == skip) {
        return k;
      }
    }
  }

  /** Puts one value of every state kind and two timers per key, derived from the key. */
  void fill(KeyedStateBackend b, List<String> keys) {
    ValueState<Long> count = b.getState(NODE, COUNT);
    ListState<String> events = b.getState(NODE, EVENTS);
    MapState<String, Object> fields = b.getState(NODE, FIELDS);
    ReducingState<Long> sum = b.getState(NODE, SUM);
    AggregatingState<Long, Double> avg = b.getState(NODE, AVG);
    InternalTimerService timers = b.timerService(NODE);
    for (String k : keys) {
      long n = k.hashCode() & 0xFFFF;
      b.setCurrentKey(k);
      b.setCurrentNamespace(0);
      count.update(n);
      events.add(k + "-1");
      events.add(k + "-2");
      fields.put("name", k);
      fields.put("n", n);
      sum.add(n);
      sum.add(1L);
      avg.add(n);
      avg.add(n + 2);
      b.setCurrentNamespace(5);
      count.update(-n);
      timers.registerTimer(TimeDomain.EVENT_TIME, 5, n);
      timers.registerTimer(TimeDomain.PROCESSING_TIME, 0, n + 1);
      b.setCurrentNamespace(0);
    }
  }

  void assertFilled(KeyedStateBackend b, List<String> keys) {
    ValueState<Long> count = b.getState(NODE, COUNT);
    ListState<String> events = b.getState(NODE, EVENTS);
    MapState<String, Object> fields = b.getState(NODE, FIELDS);
    ReducingState<Long> sum = b.getState(NODE, SUM);
    AggregatingState<Long, Double> avg = b.getState(NODE, AVG);
    for (String k : keys) {
      long n = k.hashCode() & 0xFFFF;
      b.setCurrentKey(k);
      b.setCurrentNamespace(0);
      assertThat(count.value()).as("count of %s", k).isEqualTo(n);
      assertThat(events.get()).containsExactly(k + "-1", k + "-2");
      assertThat(fields.entries()).isEqualTo(Map.of("name", k, "n", n));
      assertThat(sum.get()).isEqualTo(n + 1);
      assertThat(avg.get()).isEqualTo(n + 1.0);
      b.setCurrentNamespace(5);
      assertThat(count.value()).isEqualTo(-n);
      b.setCurrentNamespace(0);
    }
  }

  void assertOnlyKeys(KeyedStateBackend b, List<String> keys) {
    b.getState(NODE, COUNT);
    List<Object> seen = new ArrayList<>();
    b.forEachKey(NODE, COUNT, 0, seen::add);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(keys);
    List<Object> inFive = new ArrayList<>();
    b.forEachKey(NODE, COUNT, 5, inFive::add);
    assertThat(inFive).containsExactlyInAnyOrderElementsOf(keys);
  }

  void assertOnlyTimers(KeyedStateBackend b, List<String> keys) throws Exception {
    InternalTimerService timers = b.timerService(NODE);
    assertThat(timers.size(TimeDomain.EVENT_TIME)).isEqualTo(keys.size());
    List<Object> firedKeys = new ArrayList<>();
    timers.advanceTo(TimeDomain.EVENT_TIME, Long.MAX_VALUE, t -> {
      assertThat(t.timestamp()).isEqualTo(((String) t.key()).hashCode() & 0xFFFF);
      firedKeys.add(t.key());
    });
    assertThat(firedKeys).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(timers.size(TimeDomain.PROCESSING_TIME)).isEqualTo(keys.size());
  }
}
