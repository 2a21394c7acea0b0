package io.millrace.spec.model;

import java.util.Map;
import java.util.Optional;

/**
 * What a {@code process} node does on a record or a timer: new state values (all computed from the
 * state before the event), records to emit, and optionally a timer to set.
 */
public record ProcessHandler(Map<String, String> update, Optional<String> emit, Optional<String> setTimer) {

  public ProcessHandler {
    update = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(update));
  }
}
