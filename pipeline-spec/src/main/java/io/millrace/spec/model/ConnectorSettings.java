package io.millrace.spec.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connector node's own settings, with catalog defaults applied. Values are plain JSON-like Java
 * values (String, Long, Double, Boolean, List, Map); the typed getters assume a validated spec.
 */
public record ConnectorSettings(Map<String, Object> values) {

  public ConnectorSettings {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public Optional<Object> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public Optional<String> string(String name) {
    return get(name).map(String::valueOf);
  }

  public Optional<Long> longValue(String name) {
    return get(name).filter(Number.class::isInstance).map(v -> ((Number) v).longValue());
  }

  public Optional<Boolean> bool(String name) {
    return get(name).filter(Boolean.class::isInstance).map(Boolean.class::cast);
  }

  public Optional<Duration> duration(String name) {
    return string(name).flatMap(Durations::parse);
  }

  /** A size setting in bytes. */
  public Optional<Long> size(String name) {
    return string(name).map(Sizes::parse).filter(s -> s.isPresent()).map(s -> s.getAsLong());
  }

  @SuppressWarnings("unchecked")
  public List<Object> list(String name) {
    return get(name).filter(List.class::isInstance).map(v -> (List<Object>) v).orElse(List.of());
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> object(String name) {
    return get(name).filter(Map.class::isInstance).map(v -> (Map<String, Object>) v).orElse(Map.of());
  }
}
