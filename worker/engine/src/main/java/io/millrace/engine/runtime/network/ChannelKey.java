package io.millrace.engine.runtime.network;

/**
 * One channel of one job attempt: producer subtask {@code producer} of {@code sourceVertex}'s output
 * {@code sourceOutput} to consumer subtask {@code consumer} of {@code targetVertex}'s input {@code targetInput}.
 * Unique within an attempt even when two edges join the same vertices (a self-join reads one source twice).
 */
public record ChannelKey(String jobId, long attempt, String sourceVertex, String sourceOutput, String targetVertex,
    int targetInput, int producer, int consumer) {

  /** {@code source#i->target#j}, as local channels are named. */
  public String displayName() {
    return sourceVertex + "#" + producer + "->" + targetVertex + "#" + consumer;
  }

  @Override
  public String toString() {
    return jobId + "/" + attempt + "/" + displayName() + "(" + sourceOutput + "->" + targetInput + ")";
  }
}
