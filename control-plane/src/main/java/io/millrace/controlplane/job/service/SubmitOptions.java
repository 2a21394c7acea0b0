package io.millrace.controlplane.job.service;

import io.millrace.controlplane.job.restart.RestartPolicy;
import io.millrace.spec.parse.Format;
import java.time.Duration;

/**
 * Optional settings of a submission; null fields mean "what the spec says".
 *
 * @param format the spec's text format; null: JSON when the text starts with '{', else YAML
 * @param parallelism overrides the spec's pipeline parallelism (nodes that set their own keep it)
 * @param restartPolicy overrides the spec's {@code restartStrategy}
 * @param checkpointInterval overrides the spec's {@code checkpointing.interval}
 */
public record SubmitOptions(Format format, Integer parallelism, RestartPolicy restartPolicy,
        Duration checkpointInterval) {

    public static SubmitOptions defaults() {
        return new SubmitOptions(null, null, null, null);
    }
}
