package io.millrace.controlplane.pipeline.service;

import io.millrace.spec.parse.Format;
import java.util.UUID;

/** A stored version ready to deploy: which one, and its spec text and format. */
public record DeployableVersion(UUID pipelineId, String pipelineName, int version, String spec, Format format,
        String specHash) {
}
