package io.millrace.engine.operators;

import io.millrace.engine.api.OperatorSetupException;
import io.millrace.spec.model.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a plan vertex's settings (JSON-compatible values in the spec's own words, e.g.
 * durations as {@code 10s}); a missing or malformed setting is an {@link OperatorSetupException}
 * naming the node and the setting.
 */
public record Settings(String nodeId, Map<String, Object> values) {

  public String string(String name) {
    Object v = values.get(name);
    if (!(v instanceof String s)) {
      throw missing(name, "a string");
    }
    return s;
  }

  public String optionalString(String name) {
    Object v = values.get(name);
    return v instanceof String s ? s : null;
  }

  public boolean bool(String name, boolean fallback) {
    return values.get(name) instanceof Boolean b ? b : fallback;
  }

  public long durationMillis(String name) {
    Long ms = optionalDurationMillis(name);
    if (ms == null) {
      throw missing(name, "a duration like 10s");
    }
    return ms;
  }

  public Long optionalDurationMillis(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    Duration d = Durations.parse(String.valueOf(v)).orElseThrow(() -> new OperatorSetupException(nodeId,
        "setting '" + name + "' is '" + v + "', not a duration: use a number and a unit, e.g. 500ms, 10s, 5m, 1h, 1d"));
    return d.toMillis();
  }

  public Settings object(String name) {
    Object v = values.get(name);
    if (!(v instanceof Map<?, ?> map)) {
      throw missing(name, "an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> typed = (Map<String, Object>) map;
    return new Settings(nodeId, typed);
  }

  public boolean has(String name) {
    return values.get(name) != null;
  }

  public List<?> list(String name) {
    Object v = values.get(name);
    if (!(v instanceof List<?> list)) {
      throw missing(name, "a list");
    }
    return list;
  }

  private OperatorSetupException missing(String name, String what) {
    return new OperatorSetupException(nodeId, "setting '" + name + "' must be " + what + ", was "
        + (values.get(name) == null ? "absent" : "'" + values.get(name) + "'") + " (validate the spec with `millrace validate`)");
  }
}
