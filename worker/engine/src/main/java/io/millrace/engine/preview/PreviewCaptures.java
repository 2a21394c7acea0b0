package io.millrace.engine.preview;

import io.millrace.engine.api.DeadLetters;
import io.millrace.engine.api.StreamRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything one preview captured: node outputs by output name ({@code node} or {@code node.side}), dead letters,
 * and the first failure located on a node. Shared by the taps, capturing sources and capture sinks of one run.
 */
final class PreviewCaptures {

  /** Distinct dead-letter reasons reported as node errors, at most. */
  private static final int MAX_ERRORS = 50;

  private final int limit;
  private final Map<String, NodeCapture> outputs = new ConcurrentHashMap<>();
  private final NodeCapture deadLetters;
  private final Set<PreviewOutcome.NodeError> deadLetterErrors = new LinkedHashSet<>();
  private PreviewOutcome.NodeError failure;

  PreviewCaptures(int limit) {
    this.limit = limit;
    this.deadLetters = new NodeCapture(limit);
  }

  /** Declares an output so it appears (empty) even when nothing is emitted on it. */
  void declare(String output) {
    outputs.computeIfAbsent(output, o -> new NodeCapture(limit));
  }

  void emitted(String output, Object value) {
    outputs.computeIfAbsent(output, o -> new NodeCapture(limit)).add(value);
  }

  void deadLetter(String nodeId, StreamRecord letter) {
    deadLetters.add(letter.value());
    Object reason = letter.value() instanceof Map<?, ?> map ? map.get(DeadLetters.REASON) : letter.value();
    synchronized (this) {
      if (deadLetterErrors.size() < MAX_ERRORS) {
        deadLetterErrors.add(new PreviewOutcome.NodeError(nodeId, String.valueOf(reason)));
      }
    }
  }

  /** The failure that stopped the run, on {@code nodeId}; the first one wins (the innermost in a chain). */
  synchronized void failed(String nodeId, String message) {
    if (failure == null) {
      failure = new PreviewOutcome.NodeError(nodeId, message);
    }
  }

  synchronized boolean hasFailure() {
    return failure != null;
  }

  PreviewOutcome outcome(long elapsedMillis, boolean limitHit) {
    Map<String, PreviewOutcome.NodeOutput> nodes = new LinkedHashMap<>();
    outputs.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> nodes.put(e.getKey(), e.getValue().toOutput()));
    List<PreviewOutcome.NodeError> errors = new ArrayList<>();
    synchronized (this) {
      errors.addAll(deadLetterErrors);
      if (failure != null) {
        errors.add(failure);
      }
    }
    return new PreviewOutcome(nodes, errors, deadLetters.toOutput().records(), elapsedMillis, limitHit);
  }
}
