package io.millrace.engine.state.rocksdb;

import io.millrace.engine.checkpoint.store.CheckpointStore;
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
import io.millrace.engine.state.internal.AbstractKeyedStateBackend;
import io.millrace.engine.state.internal.Ttl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.RocksObject;
import org.rocksdb.Slice;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * Keyed state in one RocksDB instance under the task's working directory (see package doc for the
 * layout). The WAL is off: durability comes from checkpoints, which flush memtables first.
 */
public final class RocksDbKeyedStateBackend extends AbstractKeyedStateBackend {

  static final String STATE_PREFIX = "s|";
  static final String TIMER_PREFIX = "t|";

  private final NativeHandles handles = new NativeHandles();
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions familyOptions;
  private final WriteOptions writeOptions;
  private final ReadOptions readOptions;
  private final RocksKeys keys = new RocksKeys();
  private final IncrementalUploader uploader;
  private final Path dbDir;
  private RocksDbInstance instance;
  private final Map<String, RocksTimerService> timerServices = new HashMap<>();
  private long snapshotSequence;
  private final Consumer<RocksDbKeyedStateBackend> onClose;

  RocksDbKeyedStateBackend(KeyedBackendParameters parameters, RocksDbOptions options,
      Cache blockCache, WriteBufferManager writeBufferManager,
      Consumer<RocksDbKeyedStateBackend> onClose) {
    super(parameters);
    this.onClose = onClose;
    this.uploader = new IncrementalUploader(parameters.taskId());
    this.dbDir = parameters.workingDirectory().resolve("db");
    try {
      Files.createDirectories(parameters.workingDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create state directory of task "
          + parameters.taskId(), e);
    }
    this.dbOptions = handles.track(new DBOptions())
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setWriteBufferManager(writeBufferManager)
        .setMaxBackgroundJobs(options.maxBackgroundJobs());
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(blockCache)
        .setBlockSize(options.blockSizeBytes())
        .setCacheIndexAndFilterBlocks(true)
        .setPinL0FilterAndIndexBlocksInCache(true);
    this.familyOptions = handles.track(new ColumnFamilyOptions())
        .setTableFormatConfig(table)
        .setWriteBufferSize(options.writeBufferBytes())
        .setMaxWriteBufferNumber(options.maxWriteBuffers())
        .setMergeOperator(handles.track(new StringAppendOperator("")));
    this.writeOptions = handles.track(new WriteOptions()).setDisableWAL(true);
    this.readOptions = handles.track(new ReadOptions());
  }

  // ---------------------------------------------------------------- low-level access for states

  RocksKeys keys() {
    return keys;
  }

  private RocksDbInstance db() {
    checkOpen();
    if (instance == null) {
      try {
        instance = RocksDbInstance.open(dbDir, dbOptions, familyOptions, handles, false);
      } catch (RocksDBException e) {
        throw new RocksDbStateException("cannot open RocksDB of task " + parameters.taskId(), e);
      }
    }
    return instance;
  }

  byte[] get(ColumnFamilyHandle family, byte[] key) {
    try {
      return instance.db.get(family, readOptions, key);
    } catch (RocksDBException e) {
      throw failure("read", e);
    }
  }

  void put(ColumnFamilyHandle family, byte[] key, byte[] value) {
    try {
      instance.db.put(family, writeOptions, key, value);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  void merge(ColumnFamilyHandle family, byte[] key, byte[] value) {
    try {
      instance.db.merge(family, writeOptions, key, value);
    } catch (RocksDBException e) {
      throw failure("merge", e);
    }
  }

  void delete(ColumnFamilyHandle family, byte[] key) {
    try {
      instance.db.delete(family, writeOptions, key);
    } catch (RocksDBException e) {
      throw failure("delete", e);
    }
  }

  void deleteRange(ColumnFamilyHandle family, byte[] from, byte[] to) {
    try {
      instance.db.deleteRange(family, writeOptions, from, to);
    } catch (RocksDBException e) {
      throw failure("delete range", e);
    }
  }

  /** Receives rows of a scan; returns false to stop. */
  interface RowVisitor {
    boolean visit(byte[] key, byte[] value);
  }

  /** Visits rows with {@code from <= key < to} (null: unbounded) in key order. */
  void scan(ColumnFamilyHandle family, byte[] from, byte[] to, RowVisitor visitor) {
    scan(instance, family, from, to, visitor);
  }

  private static void scan(RocksDbInstance db, ColumnFamilyHandle family, byte[] from, byte[] to,
      RowVisitor visitor) {
    try (Slice upper = to == null ? null : new Slice(to);
        ReadOptions options = new ReadOptions()) {
      if (upper != null) {
        options.setIterateUpperBound(upper);
      }
      try (RocksIterator it = db.db.newIterator(family, options)) {
        if (from == null) {
          it.seekToFirst();
        } else {
          it.seek(from);
        }
        while (it.isValid()) {
          if (!visitor.visit(it.key(), it.value())) {
            return;
          }
          it.next();
        }
        it.status();
      } catch (RocksDBException e) {
        throw new RocksDbStateException("RocksDB scan failed", e);
      }
    }
  }

  byte[] firstKey(ColumnFamilyHandle family) {
    byte[][] first = {null};
    scan(family, null, null, (k, v) -> {
      first[0] = k;
      return false;
    });
    return first[0];
  }

  private RocksDbStateException failure(String what, RocksDBException e) {
    return new RocksDbStateException("RocksDB " + what + " failed in task " + parameters.taskId(),
        e);
  }

  /** Every native object this backend created (for leak tests). */
  List<RocksObject> nativeHandles() {
    return handles.all();
  }

  Path workingDirectory() {
    return parameters.workingDirectory();
  }

  // ---------------------------------------------------------------- KeyedStateBackend

  @Override
  @SuppressWarnings("unchecked")
  protected <S extends State> S createState(String nodeId, StateDescriptor<S> descriptor) {
    ColumnFamilyHandle family = family(STATE_PREFIX + nodeId + "|" + descriptor.name());
    Ttl ttl = Ttl.of(descriptor, parameters.clock());
    return (S) switch (descriptor.kind()) {
      case VALUE -> new RocksValueState<>(this, family, descriptor, ttl);
      case LIST -> new RocksListState<>(this, family, descriptor, ttl);
      case MAP -> new RocksMapState<>(this, family, descriptor, ttl);
      case REDUCING -> new RocksReducingState<>(this, family, descriptor, ttl);
      case AGGREGATING -> new RocksAggregatingState<>(this, family, descriptor, ttl);
    };
  }

  private ColumnFamilyHandle family(String name) {
    try {
      return db().family(name);
    } catch (RocksDBException e) {
      throw failure("create column family " + name, e);
    }
  }

  @Override
  public void forEachKey(String nodeId, StateDescriptor<?> descriptor, long namespace,
      Consumer<Object> action) {
    StateDescriptor<?> declared = declaredDescriptor(nodeId, descriptor);
    RocksState state = (RocksState) getState(nodeId, declared);
    record Found(int keyGroup, Object key) {}
    List<Found> found = new ArrayList<>();
    byte[][] last = {null};
    byte[] to = RocksKeys.groupStart(parameters.keyGroups().end() + 1);
    scan(state.family, RocksKeys.groupStart(parameters.keyGroups().start()), to, (k, v) -> {
      RocksKeys.StateKey parsed = RocksKeys.parseState(k);
      if (parsed.namespace() == namespace && state.isLive(v)
          && (last[0] == null || !Arrays.equals(last[0], parsed.key()))) {
        last[0] = parsed.key();
        found.add(new Found(parsed.keyGroup(), parsed.keyObject()));
      }
      return true;
    });
    for (Found f : found) {
      setCurrentKey(f.key(), f.keyGroup());
      action.accept(f.key());
    }
  }

  @Override
  public InternalTimerService timerService(String nodeId) {
    checkOpen();
    return timerServices.computeIfAbsent(nodeId, n -> {
      Map<TimeDomain, ColumnFamilyHandle> families = new EnumMap<>(TimeDomain.class);
      for (TimeDomain d : TimeDomain.values()) {
        families.put(d, family(TIMER_PREFIX + n + "|" + d.name()));
      }
      return new RocksTimerService(this, families);
    });
  }

  @Override
  public SnapshotTask snapshot(long checkpointId, CheckpointStore store, String checkpointPath,
      SnapshotType type) throws Exception {
    RocksDbInstance db = db();
    // Synchronous part: flush memtables (the WAL is off) and hard-link a native checkpoint.
    // allowWriteStall: flush now even if L0 is crowded; waiting for compactions to catch up
    // first stretched the pause to seconds after bulk loads (CheckpointPauseBenchmark).
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true).setAllowWriteStall(true)) {
      db.db.flush(flush, db.allFamilies());
    }
    Path local = parameters.workingDirectory().resolve("checkpoints")
        .resolve("chk-" + checkpointId + "-" + snapshotSequence++);
    Files.createDirectories(local.getParent());
    try (Checkpoint checkpoint = Checkpoint.create(db.db)) {
      checkpoint.createCheckpoint(local.toString());
    }
    List<StateMetaInfo> metas = statesForSnapshot();
    return new SnapshotTask() {
      @Override
      public KeyedStateHandle run() throws Exception {
        try {
          List<StateFile> files = uploader.upload(checkpointId, local, store, checkpointPath,
              type);
          return new KeyedStateHandle(RocksDbStateBackend.KIND, checkpointId, type,
              parameters.maxParallelism(), parameters.keyGroups(), metas, files);
        } finally {
          discard();
        }
      }

      @Override
      public void discard() {
        try {
          IncrementalUploader.deleteRecursively(local);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete local checkpoint " + local, e);
        }
      }
    };
  }

  @Override
  public void restore(CheckpointStore store, List<KeyedStateHandle> handles, StateDrops dropped)
      throws Exception {
    beginRestore(RocksDbStateBackend.KIND, handles, dropped);
    if (instance != null) {
      throw new IllegalStateException("restore after first state access in task "
          + parameters.taskId());
    }
    new RocksDbRestore(this, store).restore(handles);
  }

  // ---------------------------------------------------------------- used by RocksDbRestore

  /**
   * Whether the restore keeps the column family {@code name}: a state family ({@code s|node|state}) of
   * a restored state, or a timer family ({@code t|node|DOMAIN}) of a node whose timers are restored.
   */
  boolean restoresFamily(String name) {
    boolean state = name.startsWith(STATE_PREFIX);
    String rest = name.substring(state ? STATE_PREFIX.length() : TIMER_PREFIX.length());
    int bar = rest.indexOf('|'); // node ids cannot contain '|' (spec id pattern)
    if (bar < 0) {
      return false;
    }
    String node = rest.substring(0, bar);
    return state ? restores(node, rest.substring(bar + 1)) : restoresTimersOf(node);
  }

  void openRestored(Path restoredDir, List<StateFile> sharedFiles) throws Exception {
    IncrementalUploader.deleteRecursively(dbDir);
    Files.move(restoredDir, dbDir);
    instance = RocksDbInstance.open(dbDir, dbOptions, familyOptions, this.handles, false);
    uploader.knowRestored(sharedFiles);
  }

  RocksDbInstance openReadOnly(Path dir) throws RocksDBException {
    return RocksDbInstance.open(dir, dbOptions, familyOptions, handles, true);
  }

  RocksDbInstance openedInstance() {
    return db();
  }

  void writeBatch(WriteBatch batch) throws RocksDBException {
    instance.db.write(writeOptions, batch);
  }

  static void scanOther(RocksDbInstance db, ColumnFamilyHandle family, byte[] from, byte[] to,
      RowVisitor visitor) {
    scan(db, family, from, to, visitor);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    timerServices.clear();
    onClose.accept(this);
    try {
      handles.close();
    } finally {
      try {
        IncrementalUploader.deleteRecursively(parameters.workingDirectory());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete state directory of task "
            + parameters.taskId(), e);
      }
    }
  }
}
