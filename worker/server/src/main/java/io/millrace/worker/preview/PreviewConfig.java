package io.millrace.worker.preview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How previews run on this worker. Every key is listed in the module README. */
@ConfigMapping(prefix = "millrace.worker.preview")
public interface PreviewConfig {

    /** Previews running at the same time, at most (each runs a small in-process job: one thread per chain). */
    @WithDefault("2")
    int maxConcurrent();

    /** Previews waiting for a free runner, at most; beyond it a preview is answered "worker busy" at once. */
    @WithDefault("8")
    int queueCapacity();

    /** Records a {@code datagen-source} without samples generates when the request does not say. */
    @WithDefault("100")
    int generatedRecordsPerSource();

    /** Upper bound of a preview's time limit, whatever the request asks (protects the worker from long runs). */
    @WithDefault("30s")
    Duration maxTimeLimit();

    /** Upper bound of the records returned per node, whatever the request asks. */
    @WithDefault("1000")
    int maxRecordsPerNode();
}
