package io.millrace.spec.catalog;

/** The console palette group a node kind belongs to. */
public enum NodeRole {
  SOURCE("source"),
  TRANSFORM("transform"),
  WINDOW_JOIN("window-join"),
  SINK("sink");

  private final String label;

  NodeRole(String label) {
    this.label = label;
  }

  /** The name used in the schema ({@code x-millrace-role}) and the console palette. */
  public String label() {
    return label;
  }
}
