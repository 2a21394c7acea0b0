package io.millrace.spec.statediff;

/**
 * The engine's serializer versions, mirrored here because pipeline-spec cannot depend on the engine
 * (the engine's {@code DeclaredStatesMatchSnapshotsTest} fails when they drift). The rules are the
 * engine's {@code StateDescriptor#serializerVersion()}: map state combines key and value versions as
 * {@code key * 65536 + value}; a list serializer is {@code 1000 + element}; a TTL adds {@code 1 << 30}
 * (each entry is stored with its expiry time).
 */
final class SerializerVersions {

  /** Record-model values ({@code Serializers.RECORD}). */
  static final int RECORD = 1;
  /** Deterministic record-model keys ({@code Serializers.KEY}). */
  static final int KEY = 1;
  /** Zig-zag longs ({@code Serializers.LONG}). */
  static final int LONG = 1;
  /** Accumulator rows of window aggregates ({@code AccumulatorRowSerializer}). */
  static final int ACCUMULATOR_ROW = 1;
  /** The live sessions of a key ({@code SessionListSerializer}). */
  static final int SESSION_LIST = 1;

  private SerializerVersions() {}

  static int listOf(int element) {
    return 1000 + element;
  }

  static int map(int key, int value) {
    return key * 65536 + value;
  }

  static int withTtl(int version, boolean ttl) {
    return ttl ? version | (1 << 30) : version;
  }
}
