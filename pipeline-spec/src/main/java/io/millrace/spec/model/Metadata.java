package io.millrace.spec.model;

import java.util.Map;
import java.util.Optional;

/**
 * Name, labels, description, and the visual editor's node positions ({@code layout}, by node id),
 * which make a spec round-trip through the editor unchanged.
 */
public record Metadata(String name, Map<String, String> labels, Optional<String> description, Map<String, LayoutPosition> layout) {

  public Metadata {
    labels = Map.copyOf(labels);
    layout = Map.copyOf(layout);
  }

  /** A node's place on the editor canvas. */
  public record LayoutPosition(double x, double y) {}
}
