package io.millrace.spec.model;

import java.util.List;
import java.util.OptionalInt;

/** What every node has: identity, kind, inputs, optional parallelism and its dead-letter policy. */
public record NodeBase(String id, String type, List<InputRef> inputs, OptionalInt parallelism, DeadLetterSpec deadLetter) {

  public NodeBase {
    inputs = List.copyOf(inputs);
  }
}
