package io.millrace.engine.state.heap;

import io.millrace.engine.checkpoint.store.CheckpointStore;
import io.millrace.engine.serialization.Serializers;
import io.millrace.engine.state.InternalTimerService;
import io.millrace.engine.state.KeyedBackendParameters;
import io.millrace.engine.state.KeyedStateHandle;
import io.millrace.engine.state.KeyedStateHandle.StateFile;
import io.millrace.engine.state.SnapshotTask;
import io.millrace.engine.state.SnapshotType;
import io.millrace.engine.state.State;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.StateDrops;
import io.millrace.engine.state.StateMetaInfo;
import io.millrace.engine.state.TimeDomain;
import io.millrace.engine.state.heap.HeapSnapshotFormat.Contents;
import io.millrace.engine.state.heap.HeapSnapshotFormat.StateRows;
import io.millrace.engine.state.heap.HeapSnapshotFormat.TimerRow;
import io.millrace.engine.state.heap.HeapSnapshotFormat.TimerRows;
import io.millrace.engine.state.internal.AbstractKeyedStateBackend;
import io.millrace.engine.state.internal.KeyBytes;
import io.millrace.engine.state.internal.TimerEntry;
import io.millrace.engine.state.internal.Ttl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Heap keyed state. Snapshots serialize all state synchronously (the "cheap copy" for small
 * state) and upload one file asynchronously. Values read from heap state are the stored objects
 * themselves: operators must not mutate them without writing them back.
 */
public final class HeapKeyedStateBackend extends AbstractKeyedStateBackend {

  static final String FILE_NAME = "keyed-state.bin";

  private final Map<String, HeapStateTable> tables = new LinkedHashMap<>();
  private final Map<String, HeapTimerService> timerServices = new LinkedHashMap<>();
  /** Restored rows of states not declared yet (kept raw, and written back in snapshots). */
  private final Map<String, StateRows> pending = new LinkedHashMap<>();

  HeapKeyedStateBackend(KeyedBackendParameters parameters) {
    super(parameters);
  }

  @Override
  @SuppressWarnings("unchecked")
  protected <S extends State> S createState(String nodeId, StateDescriptor<S> descriptor) {
    String qualified = nodeId + "/" + descriptor.name();
    HeapStateTable table = new HeapStateTable(nodeId, descriptor,
        Ttl.of(descriptor, parameters.clock()), parameters.keyGroups());
    StateRows restored = pending.remove(qualified);
    if (restored != null) {
      restored.rows().forEach(table::load);
    }
    tables.put(qualified, table);
    return (S) switch (descriptor.kind()) {
      case VALUE -> new HeapValueState<>(this, table);
      case LIST -> new HeapListState<>(this, table);
      case MAP -> new HeapMapState<>(this, table);
      case REDUCING -> new HeapReducingState<>(this, table);
      case AGGREGATING -> new HeapAggregatingState<>(this, table);
    };
  }

  @Override
  public void forEachKey(String nodeId, StateDescriptor<?> descriptor, long namespace,
      Consumer<Object> action) {
    checkOpen();
    declaredDescriptor(nodeId, descriptor);
    HeapStateTable table = tables.get(nodeId + "/" + descriptor.name());
    for (HeapStateTable.GroupKey k : table.keysIn(namespace)) {
      setCurrentKey(k.key().key(), k.keyGroup());
      action.accept(k.key().key());
    }
  }

  @Override
  public InternalTimerService timerService(String nodeId) {
    checkOpen();
    return timerServices.computeIfAbsent(nodeId, n -> new HeapTimerService(this));
  }

  @Override
  public SnapshotTask snapshot(long checkpointId, CheckpointStore store, String checkpointPath,
      SnapshotType type) {
    checkOpen();
    // Synchronous part: serialize everything now, so later changes cannot leak into the snapshot.
    List<StateRows> states = new ArrayList<>(pending.values());
    for (HeapStateTable table : tables.values()) {
      List<RawRow> rows = new ArrayList<>();
      table.forEachRow(rows::add);
      states.add(new StateRows(table.descriptor.metaInfo(table.nodeId), rows));
    }
    List<TimerRows> timers = new ArrayList<>();
    timerServices.forEach((nodeId, service) -> {
      for (TimeDomain domain : TimeDomain.values()) {
        List<TimerRow> rows = new ArrayList<>();
        for (TimerEntry t : service.timers(domain)) {
          rows.add(new TimerRow(t.keyGroup(), t.key().bytes(), t.namespace(), t.timestamp()));
        }
        timers.add(new TimerRows(nodeId, domain, rows));
      }
    });
    byte[] bytes = HeapSnapshotFormat.write(new Contents(states, timers));
    List<StateMetaInfo> metas = states.stream().map(StateRows::meta).toList();
    String path = checkpointPath + "/" + FILE_NAME;
    return new SnapshotTask() {
      @Override
      public KeyedStateHandle run() throws Exception {
        store.put(path, bytes);
        return new KeyedStateHandle(HeapStateBackend.KIND, checkpointId, type,
            parameters.maxParallelism(), parameters.keyGroups(), metas,
            List.of(new StateFile(FILE_NAME, path, bytes.length, false)));
      }

      @Override
      public void discard() {
        // nothing local to release: the bytes are garbage-collected
      }
    };
  }

  @Override
  public void restore(CheckpointStore store, List<KeyedStateHandle> handles, StateDrops dropped)
      throws Exception {
    beginRestore(HeapStateBackend.KIND, handles, dropped);
    Map<String, HeapTimerService> restoredTimers = new HashMap<>();
    for (KeyedStateHandle handle : handles) {
      if (handle.keyGroups().end() < parameters.keyGroups().start()
          || handle.keyGroups().start() > parameters.keyGroups().end()) {
        continue; // no overlap: nothing of ours in it
      }
      for (StateFile file : handle.files()) {
        Contents contents = HeapSnapshotFormat.read(store.get(file.storePath()));
        for (StateRows s : contents.states()) {
          if (!restores(s.meta().nodeId(), s.meta().name())) {
            continue;
          }
          StateRows target = pending.computeIfAbsent(s.meta().qualifiedName(),
              q -> new StateRows(s.meta(), new ArrayList<>()));
          for (RawRow r : s.rows()) {
            if (parameters.keyGroups().contains(r.keyGroup())) {
              target.rows().add(r);
            }
          }
        }
        for (TimerRows t : contents.timers()) {
          if (!restoresTimersOf(t.nodeId())) {
            continue;
          }
          HeapTimerService service = restoredTimers.computeIfAbsent(t.nodeId(),
              n -> (HeapTimerService) timerService(n));
          for (TimerRow r : t.timers()) {
            if (parameters.keyGroups().contains(r.keyGroup())) {
              Object key = Serializers.KEY.fromBytes(r.key());
              service.timers(t.domain()).add(new TimerEntry(r.timestamp(), r.keyGroup(),
                  new KeyBytes(r.key(), key), r.namespace()));
            }
          }
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    tables.clear();
    timerServices.clear();
    pending.clear();
  }
}
