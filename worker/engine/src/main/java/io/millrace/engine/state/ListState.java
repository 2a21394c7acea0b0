package io.millrace.engine.state;

import java.util.List;

/**
 * A list per key and namespace. With TTL, each element carries its own expiry, and expired elements
 * are never returned.
 */
public interface ListState<T> extends State {

  /** The elements in insertion order; empty (never null) when there are none. */
  List<T> get();

  void add(T value);

  void addAll(List<T> values);

  /** Replaces the list; an empty list clears it. */
  void update(List<T> values);
}
