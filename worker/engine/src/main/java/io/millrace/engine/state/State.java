package io.millrace.engine.state;

/**
 * A piece of keyed state, scoped to the backend's current key and namespace at each call.
 * Instances are cheap handles and can be kept by operators for their lifetime.
 */
public interface State {

  /** Removes the value for the current key and namespace. */
  void clear();
}
