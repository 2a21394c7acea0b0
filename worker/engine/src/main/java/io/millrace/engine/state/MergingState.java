package io.millrace.engine.state;

import java.util.Collection;

/**
 * State whose values for different namespaces can be combined — what session windows need when
 * windows merge: the sources' values are folded into the target namespace and the sources are
 * cleared, for the current key.
 */
public interface MergingState extends State {

  /** Folds the values of {@code sources} into {@code target} (current key), clearing sources. */
  void mergeNamespaces(long target, Collection<Long> sources);
}
