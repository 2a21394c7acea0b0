package io.millrace.spec.model;

import java.util.Optional;

/**
 * One entry of a node's {@code inputs}: the upstream node and which of its outputs ({@code x} is
 * the main output, {@code x.late} / {@code x.dead-letter} a side output).
 */
public record InputRef(String nodeId, Optional<String> output) {

  public static InputRef parse(String text) {
    int dot = text.indexOf('.');
    return dot < 0
        ? new InputRef(text, Optional.empty())
        : new InputRef(text.substring(0, dot), Optional.of(text.substring(dot + 1)));
  }

  public boolean isMainOutput() {
    return output.isEmpty();
  }

  @Override
  public String toString() {
    return output.map(o -> nodeId + "." + o).orElse(nodeId);
  }
}
