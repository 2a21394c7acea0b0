package io.millrace.engine.state.heap;

import io.millrace.engine.serialization.BinaryReader;
import io.millrace.engine.serialization.Serializers;
import io.millrace.engine.serialization.ValueSerializer;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.StateKind;
import io.millrace.engine.state.internal.KeyBytes;
import io.millrace.engine.state.internal.StoredValues;
import io.millrace.engine.state.internal.Ttl;
import io.millrace.spec.plan.KeyGroupRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Entries of one declared state: per key group, key → namespace → stored object. The stored object
 * is the value (or {@code TtlValue}) for value/reducing/aggregating state, an {@code
 * ArrayList} of elements for list state, and a {@code LinkedHashMap<KeyBytes, stored>} for map
 * state.
 */
final class HeapStateTable {

  final String nodeId;
  final StateDescriptor<?> descriptor;
  final Ttl ttl;
  private final KeyGroupRange range;
  private final List<Map<KeyBytes, Map<Long, Object>>> groups;

  HeapStateTable(String nodeId, StateDescriptor<?> descriptor, Ttl ttl, KeyGroupRange range) {
    this.nodeId = nodeId;
    this.descriptor = descriptor;
    this.ttl = ttl;
    this.range = range;
    this.groups = new ArrayList<>(range.size());
    for (int i = 0; i < range.size(); i++) {
      groups.add(new HashMap<>());
    }
  }

  Object get(int keyGroup, KeyBytes key, long namespace) {
    Map<Long, Object> byNamespace = groups.get(keyGroup - range.start()).get(key);
    return byNamespace == null ? null : byNamespace.get(namespace);
  }

  void put(int keyGroup, KeyBytes key, long namespace, Object stored) {
    groups.get(keyGroup - range.start())
        .computeIfAbsent(key, k -> new HashMap<>(2))
        .put(namespace, stored);
  }

  void remove(int keyGroup, KeyBytes key, long namespace) {
    Map<KeyBytes, Map<Long, Object>> group = groups.get(keyGroup - range.start());
    Map<Long, Object> byNamespace = group.get(key);
    if (byNamespace != null) {
      byNamespace.remove(namespace);
      if (byNamespace.isEmpty()) {
        group.remove(key);
      }
    }
  }

  /** A key with its key group. */
  record GroupKey(int keyGroup, KeyBytes key) {}

  /** Keys with a live (non-expired, non-empty) entry in {@code namespace}, by key group. */
  List<GroupKey> keysIn(long namespace) {
    List<GroupKey> keys = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      for (var e : groups.get(i).entrySet()) {
        Object stored = e.getValue().get(namespace);
        if (stored != null && isLive(stored)) {
          keys.add(new GroupKey(range.start() + i, e.getKey()));
        }
      }
    }
    return keys;
  }

  @SuppressWarnings("unchecked")
  private boolean isLive(Object stored) {
    return switch (descriptor.kind()) {
      case LIST -> ((List<Object>) stored).stream().anyMatch(v -> !ttl.isExpired(v));
      case MAP -> ((Map<KeyBytes, Object>) stored).values().stream()
          .anyMatch(v -> !ttl.isExpired(v));
      default -> !ttl.isExpired(stored);
    };
  }

  /** Serialized rows in key-group order (expired TTL values are left out). */
  @SuppressWarnings({"rawtypes", "unchecked"})
  void forEachRow(Consumer<RawRow> out) {
    ValueSerializer valueSerializer = descriptor.valueSerializer();
    boolean hasTtl = ttl.enabled();
    for (int i = 0; i < groups.size(); i++) {
      int keyGroup = range.start() + i;
      for (var byKey : groups.get(i).entrySet()) {
        for (var byNs : byKey.getValue().entrySet()) {
          byte[] key = byKey.getKey().bytes();
          long ns = byNs.getKey();
          Object stored = byNs.getValue();
          switch (descriptor.kind()) {
            case LIST -> {
              var w = new io.millrace.engine.serialization.BinaryWriter(64);
              for (Object element : (List<Object>) stored) {
                if (!ttl.isExpired(element)) {
                  StoredValues.writeElement(valueSerializer, hasTtl, element, w);
                }
              }
              if (w.position() > 0) {
                out.accept(new RawRow(keyGroup, key, ns, null, w.toByteArray()));
              }
            }
            case MAP -> {
              for (var entry : ((Map<KeyBytes, Object>) stored).entrySet()) {
                if (!ttl.isExpired(entry.getValue())) {
                  out.accept(new RawRow(keyGroup, key, ns, entry.getKey().bytes(),
                      StoredValues.toBytes(valueSerializer, hasTtl, entry.getValue())));
                }
              }
            }
            default -> {
              if (!ttl.isExpired(stored)) {
                out.accept(new RawRow(keyGroup, key, ns, null,
                    StoredValues.toBytes(valueSerializer, hasTtl, stored)));
              }
            }
          }
        }
      }
    }
  }

  /** Loads a restored row (already filtered to this range). */
  @SuppressWarnings("unchecked")
  void load(RawRow row) {
    ValueSerializer<?> valueSerializer = descriptor.valueSerializer();
    boolean hasTtl = ttl.enabled();
    KeyBytes key = new KeyBytes(row.key(), Serializers.KEY.fromBytes(row.key()));
    if (descriptor.kind() == StateKind.LIST) {
      put(row.keyGroup(), key, row.namespace(),
          new ArrayList<>(StoredValues.readElements(valueSerializer, hasTtl, row.value())));
    } else if (descriptor.kind() == StateKind.MAP) {
      Map<KeyBytes, Object> map = (Map<KeyBytes, Object>) get(row.keyGroup(), key,
          row.namespace());
      if (map == null) {
        map = new LinkedHashMap<>();
        put(row.keyGroup(), key, row.namespace(), map);
      }
      ValueSerializer<?> userKeySerializer = descriptor.userKeySerializer().orElseThrow();
      Object userKey = userKeySerializer.deserialize(new BinaryReader(row.userKey()));
      map.put(new KeyBytes(row.userKey(), userKey),
          StoredValues.fromBytes(valueSerializer, hasTtl, row.value()));
    } else {
      put(row.keyGroup(), key, row.namespace(),
          StoredValues.fromBytes(valueSerializer, hasTtl, row.value()));
    }
  }
}
