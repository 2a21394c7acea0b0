package io.millrace.spec.plan;

import java.util.Objects;

/**
 * A job edge that crosses task boundaries (it was not chained), with the chains at both ends.
 *
 * @param sourceChain chain id of the producer
 * @param edge the underlying job edge (source vertex, output, target vertex, input,
 *     partitioning, key expression)
 * @param targetChain chain id of the consumer
 */
public record ChainEdge(String sourceChain, JobEdge edge, String targetChain) {
  public ChainEdge {
    Objects.requireNonNull(sourceChain, "sourceChain");
    Objects.requireNonNull(edge, "edge");
    Objects.requireNonNull(targetChain, "targetChain");
  }
}
