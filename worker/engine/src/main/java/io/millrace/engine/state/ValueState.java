package io.millrace.engine.state;

/** One value per key and namespace. */
public interface ValueState<T> extends State {

  /** The value, or {@code null} when absent (or expired under TTL). */
  T value();

  /** Sets the value; {@code null} clears it. */
  void update(T value);
}
