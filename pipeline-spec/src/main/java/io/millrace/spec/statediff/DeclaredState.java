package io.millrace.spec.statediff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One piece of state a node keeps, as its node kind declares it from the node's validated
 * settings.
 *
 * <p>{@code (name, kind, serializerVersion)} for {@link StateScope#KEYED} state is exactly what the
 * engine records in a snapshot (with the node id); the engine's tests check that. {@code layout}
 * holds the settings that decide how stored entries must be read — a change there makes the state
 * unusable even though the engine would accept the bytes; {@code behaviour} holds settings the
 * stored entries survive (a TTL's length, lateness, an output field's name).
 *
 * @param name state name, unique per node and scope
 * @param scope keyed or operator state
 * @param kind the state kind (operator state is a {@link StateKind#LIST} of entries)
 * @param serializerVersion the engine's serializer version of the stored entries (0 for operator
 *     state, which the engine does not version)
 * @param layout settings whose change makes the stored entries unusable
 * @param behaviour settings whose change the stored entries survive
 * @param fingerprint a short hash of kind, serializer version and layout: equal fingerprints mean
 *     the stored entries can be read by the other version
 */
public record DeclaredState(
    String name,
    StateScope scope,
    StateKind kind,
    int serializerVersion,
    List<StateFactor> layout,
    List<StateFactor> behaviour,
    String fingerprint) {

  public DeclaredState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(kind, "kind");
    layout = List.copyOf(layout);
    behaviour = List.copyOf(behaviour);
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** Keyed state, its fingerprint computed. */
  public static DeclaredState keyed(String name, StateKind kind, int serializerVersion, List<StateFactor> layout,
      List<StateFactor> behaviour) {
    return new DeclaredState(name, StateScope.KEYED, kind, serializerVersion, layout, behaviour,
        fingerprintOf(StateScope.KEYED, kind, serializerVersion, layout));
  }

  /** Operator state (a list of entries, unversioned), its fingerprint computed. */
  public static DeclaredState operator(String name, List<StateFactor> layout, List<StateFactor> behaviour) {
    return new DeclaredState(name, StateScope.OPERATOR, StateKind.LIST, 0, layout, behaviour,
        fingerprintOf(StateScope.OPERATOR, StateKind.LIST, 0, layout));
  }

  /** {@code scope/name}: the identity of the state within its node. */
  public String address() {
    return scope.name().toLowerCase(java.util.Locale.ROOT) + "/" + name;
  }

  static String fingerprintOf(StateScope scope, StateKind kind, int serializerVersion, List<StateFactor> layout) {
    StringBuilder text = new StringBuilder().append(scope).append('|').append(kind).append('|').append(serializerVersion);
    for (StateFactor f : layout) {
      text.append('|').append(f.name()).append('=').append(f.value());
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
