package io.millrace.engine.state.internal;

import io.millrace.engine.serialization.BinaryWriter;
import io.millrace.engine.serialization.Serializers;
import io.millrace.engine.state.KeyedBackendParameters;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.KeyedStateHandle;
import io.millrace.engine.state.State;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.StateDrops;
import io.millrace.engine.state.StateMetaInfo;
import io.millrace.spec.plan.KeyGroupRange;
import io.millrace.spec.plan.KeyGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Current key / namespace bookkeeping and state registration shared by both backends. Keys are
 * serialized once per {@link #setCurrentKey} with {@link Serializers#KEY} (deterministic), and all
 * state access uses those bytes.
 */
public abstract class AbstractKeyedStateBackend implements KeyedStateBackend {

  protected final KeyedBackendParameters parameters;
  private final BinaryWriter keyWriter = new BinaryWriter(64);
  private KeyBytes currentKey;
  private int currentKeyGroup = -1;
  private long currentNamespace;
  private record Declared(String nodeId, StateDescriptor<?> descriptor) {}

  private final Map<String, Declared> declared = new LinkedHashMap<>();
  private final Map<String, State> states = new HashMap<>();
  /** States restored from snapshots (and not dropped), by qualified name (node/name). */
  protected final Map<String, StateMetaInfo> restoredStates = new LinkedHashMap<>();
  private StateDrops drops = StateDrops.none();
  private long restoredFrom = -1;
  protected boolean restoreCalled;
  protected boolean closed;

  protected AbstractKeyedStateBackend(KeyedBackendParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return parameters.keyGroups();
  }

  @Override
  public int maxParallelism() {
    return parameters.maxParallelism();
  }

  @Override
  public void setCurrentKey(Object key) {
    setCurrentKey(key, KeyGroups.keyGroupFor(key, parameters.maxParallelism()));
  }

  @Override
  public void setCurrentKey(Object key, int keyGroup) {
    if (!parameters.keyGroups().contains(keyGroup)) {
      throw new IllegalStateException("key " + key + " is in key group " + keyGroup
          + ", outside this task's range " + parameters.keyGroups() + " (task "
          + parameters.taskId() + "): records are routed to the wrong subtask");
    }
    keyWriter.reset();
    Serializers.KEY.serialize(key, keyWriter);
    currentKey = new KeyBytes(keyWriter.toByteArray(), key);
    currentKeyGroup = keyGroup;
  }

  @Override
  public Object currentKey() {
    return currentKey == null ? null : currentKey.key();
  }

  /** The current key in serialized form; throws when no key was set. */
  public KeyBytes currentKeyBytes() {
    if (currentKey == null) {
      throw new IllegalStateException("no current key in task " + parameters.taskId()
          + ": call setCurrentKey before accessing keyed state or timers");
    }
    return currentKey;
  }

  @Override
  public int currentKeyGroup() {
    return currentKeyGroup;
  }

  @Override
  public void setCurrentNamespace(long namespace) {
    currentNamespace = namespace;
  }

  @Override
  public long currentNamespace() {
    return currentNamespace;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <S extends State> S getState(String nodeId, StateDescriptor<S> descriptor) {
    checkOpen();
    String qualified = nodeId + "/" + descriptor.name();
    Declared found = declared.get(qualified);
    if (found != null) {
      StateDescriptor<?> existing = found.descriptor();
      if (existing.kind() != descriptor.kind()
          || existing.serializerVersion() != descriptor.serializerVersion()) {
        throw new IllegalStateException("state '" + qualified + "' is already declared as "
            + existing + "; cannot redeclare it as " + descriptor);
      }
      return (S) states.get(qualified);
    }
    StateMetaInfo restored = restoredStates.get(qualified);
    StateMetaInfo wanted = descriptor.metaInfo(nodeId);
    if (restored != null && !restored.readableAs(wanted)) {
      throw new IllegalStateException("cannot restore state '" + descriptor.name() + "' of node '" + nodeId
          + "' in task " + parameters.taskId() + ": checkpoint " + restoredFrom + " stored it as "
          + restored.describe() + ", but this version of the job declares it as " + wanted.describe()
          + ", so the stored entries cannot be read. Confirm dropping it (restore with dropped state "
          + qualified + ", or the whole node " + nodeId + ") to start it empty; state is not migrated");
    }
    S state = createState(nodeId, descriptor);
    declared.put(qualified, new Declared(nodeId, descriptor));
    states.put(qualified, state);
    return state;
  }

  /** Creates the backend-specific state object for a newly declared state. */
  protected abstract <S extends State> S createState(String nodeId, StateDescriptor<S> descriptor);

  /** The declared descriptor for node/name, or throws a precise error. */
  protected StateDescriptor<?> declaredDescriptor(String nodeId, StateDescriptor<?> descriptor) {
    Declared d = declared.get(nodeId + "/" + descriptor.name());
    if (d == null) {
      throw new IllegalStateException("state '" + nodeId + "/" + descriptor.name()
          + "' is not declared in task " + parameters.taskId() + ": call getState first");
    }
    return d.descriptor();
  }

  @Override
  public List<StateMetaInfo> registeredStates() {
    List<StateMetaInfo> out = new ArrayList<>();
    declared.values().forEach(d -> out.add(d.descriptor().metaInfo(d.nodeId())));
    return out;
  }

  /** Declared states plus restored ones not declared (yet): both must survive the next snapshot. */
  protected List<StateMetaInfo> statesForSnapshot() {
    Map<String, StateMetaInfo> all = new LinkedHashMap<>(restoredStates);
    for (StateMetaInfo m : registeredStates()) {
      all.put(m.qualifiedName(), m);
    }
    return new ArrayList<>(all.values());
  }

  /**
   * Checks that restore is legal now and that the handles fit; records the states it will bring back:
   * those of this task's nodes that {@code dropped} does not name. State of a node this task does not
   * run (removed or renamed in the new version, or moved to another chain, whose task restores it) is
   * not carried forward: nothing could ever read it, and writing it into every later snapshot would
   * keep it forever.
   */
  protected void beginRestore(String backendKind, List<KeyedStateHandle> handles, StateDrops dropped) {
    checkOpen();
    if (restoreCalled || !declared.isEmpty()) {
      throw new IllegalStateException("restore must be called once, before any state is used"
          + " (task " + parameters.taskId() + ")");
    }
    restoreCalled = true;
    drops = java.util.Objects.requireNonNull(dropped, "dropped");
    for (var h : handles) {
      if (!h.backendKind().equals(backendKind)) {
        throw new IllegalArgumentException("snapshot of checkpoint " + h.checkpointId()
            + " was written by the '" + h.backendKind() + "' backend; this task uses '"
            + backendKind + "' (switching backends needs a savepoint conversion)");
      }
      if (h.maxParallelism() != parameters.maxParallelism()) {
        throw new IllegalArgumentException("snapshot of checkpoint " + h.checkpointId()
            + " has maxParallelism " + h.maxParallelism() + " but the job now has "
            + parameters.maxParallelism() + "; maxParallelism cannot change across restores");
      }
      restoredFrom = h.checkpointId();
      for (StateMetaInfo m : h.states()) {
        if (restores(m.nodeId(), m.name())) {
          restoredStates.putIfAbsent(m.qualifiedName(), m);
        }
      }
    }
  }

  /** Whether the restore brings back keyed state {@code nodeId/name} (call after {@link #beginRestore}). */
  protected boolean restores(String nodeId, String name) {
    return parameters.nodeIds().contains(nodeId) && !drops.dropsKeyedState(nodeId, name);
  }

  /** Whether the restore brings back the timers of {@code nodeId} (call after {@link #beginRestore}). */
  protected boolean restoresTimersOf(String nodeId) {
    return parameters.nodeIds().contains(nodeId) && !drops.dropsTimersOf(nodeId);
  }

  protected void checkOpen() {
    if (closed) {
      throw new IllegalStateException("keyed state backend of task " + parameters.taskId()
          + " is closed");
    }
  }
}
