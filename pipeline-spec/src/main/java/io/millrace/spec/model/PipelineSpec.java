package io.millrace.spec.model;

import java.util.Objects;

/** A validated pipeline document: {@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}. */
public record PipelineSpec(String apiVersion, String kind, Metadata metadata, Spec spec) {

  public PipelineSpec {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }
}
