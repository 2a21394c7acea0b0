package io.millrace.engine.state;

import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of state entries, measured on the backend's processing-time clock.
 *
 * <p>Expired values are <b>never returned</b> (reads treat them as absent), whether or not they have
 * been physically removed yet. The expiry of an entry is reset on every write, and with {@link
 * UpdateType#ON_READ_AND_WRITE} also on every read that returns it.
 *
 * @param ttl how long an entry lives after its last refresh; positive
 * @param updateType what refreshes the expiry
 */
public record StateTtlConfig(Duration ttl, UpdateType updateType) {

  /** What refreshes an entry's expiry timestamp. */
  public enum UpdateType {
    /** Creation and every write. */
    ON_CREATE_AND_WRITE,
    /** Creation, every write and every read that returns the value. */
    ON_READ_AND_WRITE
  }

  public StateTtlConfig {
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(updateType, "updateType");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("state TTL must be positive, was " + ttl);
    }
  }

  public static StateTtlConfig onWrite(Duration ttl) {
    return new StateTtlConfig(ttl, UpdateType.ON_CREATE_AND_WRITE);
  }

  public static StateTtlConfig onReadAndWrite(Duration ttl) {
    return new StateTtlConfig(ttl, UpdateType.ON_READ_AND_WRITE);
  }

  public long ttlMillis() {
    return ttl.toMillis();
  }
}
