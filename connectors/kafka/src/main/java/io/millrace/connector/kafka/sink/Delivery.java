package io.millrace.connector.kafka.sink;

/** The {@code delivery} setting of a {@code kafka-sink} node. */
public enum Delivery {
  /** Transactional writes, committed when the checkpoint that sealed them completed. */
  EXACTLY_ONCE("exactly-once"),
  /** Idempotent producer, flushed at every barrier: no loss; a restart replays records written after the last checkpoint. */
  AT_LEAST_ONCE("at-least-once"),
  /** Fire and forget: never waits for the broker, send errors are only counted and logged. */
  NONE("none");

  private final String setting;

  Delivery(String setting) {
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }

  static Delivery of(String nodeId, String setting) {
    for (Delivery d : values()) {
      if (d.setting.equals(setting)) {
        return d;
      }
    }
    throw new IllegalArgumentException("kafka-sink node " + nodeId + ": delivery '" + setting
        + "' is not one of exactly-once, at-least-once, none");
  }
}
