package io.millrace.controlplane.job.service;

import java.util.Objects;
import java.util.UUID;

/** Which stored pipeline version a job runs (jobs submitted as raw specs have none). */
public record PipelineVersionRef(UUID pipelineId, int version) {

    public PipelineVersionRef {
        Objects.requireNonNull(pipelineId, "pipelineId");
        if (version < 1) {
            throw new IllegalArgumentException("pipeline versions start at 1, was " + version);
        }
    }

    /** The version {@code job} runs, or null when it was submitted as a raw spec. */
    static PipelineVersionRef of(JobRecord job) {
        return job.pipelineId() == null ? null : new PipelineVersionRef(job.pipelineId(), job.pipelineVersion());
    }
}
