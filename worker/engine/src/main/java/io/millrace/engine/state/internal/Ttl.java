package io.millrace.engine.state.internal;

import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.StateTtlConfig;
import io.millrace.engine.state.internal.StoredValues.TtlValue;
import java.util.function.LongSupplier;

/** TTL arithmetic for one declared state; {@link #NONE} when the state has no TTL. */
public final class Ttl {

  public static final Ttl NONE = new Ttl(null, () -> 0L);

  private final StateTtlConfig config;
  private final LongSupplier clock;

  private Ttl(StateTtlConfig config, LongSupplier clock) {
    this.config = config;
    this.clock = clock;
  }

  public static Ttl of(StateDescriptor<?> descriptor, LongSupplier clock) {
    return descriptor.ttl().map(c -> new Ttl(c, clock)).orElse(NONE);
  }

  public boolean enabled() {
    return config != null;
  }

  public boolean refreshOnRead() {
    return config != null && config.updateType() == StateTtlConfig.UpdateType.ON_READ_AND_WRITE;
  }

  public long now() {
    return clock.getAsLong();
  }

  /** Wraps a value for storage: with its expiry when TTL is on, as is otherwise. */
  public Object wrap(Object value) {
    return config == null ? value : new TtlValue(value, saturatedAdd(now(), config.ttlMillis()));
  }

  /** The user value of a stored value, or {@code null} when expired. */
  public Object unwrap(Object stored) {
    if (config == null || stored == null) {
      return stored;
    }
    TtlValue t = (TtlValue) stored;
    return t.expired(now()) ? null : t.value();
  }

  public boolean isExpired(Object stored) {
    return config != null && stored != null && ((TtlValue) stored).expired(now());
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
