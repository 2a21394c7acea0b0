package io.millrace.engine.state.rocksdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** An open RocksDB with its column families by name. Native objects are tracked by the caller's {@link NativeHandles}. */
final class RocksDbInstance {

  final RocksDB db;
  private final Map<String, ColumnFamilyHandle> families = new LinkedHashMap<>();
  private final ColumnFamilyOptions familyOptions;
  private final NativeHandles handles;

  private RocksDbInstance(RocksDB db, ColumnFamilyOptions familyOptions, NativeHandles handles) {
    this.db = db;
    this.familyOptions = familyOptions;
    this.handles = handles;
  }

  /** Opens (or creates) the database in {@code dir} with all its existing column families. */
  static RocksDbInstance open(Path dir, DBOptions dbOptions, ColumnFamilyOptions familyOptions,
      NativeHandles handles, boolean readOnly) throws RocksDBException {
    List<byte[]> names = new ArrayList<>();
    if (Files.exists(dir.resolve("CURRENT"))) {
      try (Options probe = new Options()) {
        names.addAll(RocksDB.listColumnFamilies(probe, dir.toString()));
      }
    }
    if (names.isEmpty()) {
      names.add(RocksDB.DEFAULT_COLUMN_FAMILY);
    }
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (byte[] name : names) {
      descriptors.add(new ColumnFamilyDescriptor(name, familyOptions));
    }
    List<ColumnFamilyHandle> opened = new ArrayList<>();
    RocksDB db = readOnly
        ? RocksDB.openReadOnly(dbOptions, dir.toString(), descriptors, opened)
        : RocksDB.open(dbOptions, dir.toString(), descriptors, opened);
    handles.track(db);
    RocksDbInstance instance = new RocksDbInstance(db, familyOptions, handles);
    for (int i = 0; i < opened.size(); i++) {
      // column family handles are closed before the database (reverse order of tracking)
      instance.families.put(new String(names.get(i), StandardCharsets.UTF_8),
          handles.track(opened.get(i)));
    }
    return instance;
  }

  /** The column family, created on first use. */
  ColumnFamilyHandle family(String name) throws RocksDBException {
    ColumnFamilyHandle h = families.get(name);
    if (h == null) {
      h = handles.track(db.createColumnFamily(
          new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), familyOptions)));
      families.put(name, h);
    }
    return h;
  }

  /** Drops the column family and its data (the handle stays tracked, and is closed with the others). */
  void dropFamily(String name) throws RocksDBException {
    ColumnFamilyHandle h = families.remove(name);
    if (h != null) {
      db.dropColumnFamily(h);
    }
  }

  ColumnFamilyHandle existingFamily(String name) {
    return families.get(name);
  }

  /** Column families other than RocksDB's default one, by name. */
  Map<String, ColumnFamilyHandle> userFamilies() {
    Map<String, ColumnFamilyHandle> out = new LinkedHashMap<>(families);
    out.remove(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8));
    return out;
  }

  List<ColumnFamilyHandle> allFamilies() {
    return new ArrayList<>(families.values());
  }

  /** Closes the column family handles and the database now (they stay tracked; close is idempotent). */
  void close() {
    for (ColumnFamilyHandle h : families.values()) {
      h.close();
    }
    db.close();
  }
}
