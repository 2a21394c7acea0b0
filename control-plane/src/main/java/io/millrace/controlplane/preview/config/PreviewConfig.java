package io.millrace.controlplane.preview.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of previews requested through the API. Every key is documented in the module README. */
@ConfigMapping(prefix = "millrace.preview")
public interface PreviewConfig {

    /** Sample records accepted per request, over all source nodes; more is answered 413. */
    @WithDefault("10000")
    int maxSampleRecords();

    /** Total size of the sample records of one request, in bytes of compact JSON; more is answered 413. */
    @WithDefault("4194304")
    int maxSampleBytes();

    /** Records returned per node when the request does not say. */
    @WithDefault("100")
    int defaultRecordsPerNode();

    /** Largest {@code maxRecordsPerNode} a request may ask for; more is answered 400. */
    @WithDefault("1000")
    int maxRecordsPerNode();

    /** Time limit of a preview when the request does not say. */
    @WithDefault("5s")
    Duration defaultTimeLimit();

    /** Largest {@code timeLimitMs} a request may ask for; more is answered 400. */
    @WithDefault("30s")
    Duration maxTimeLimit();

    /**
     * How much longer than the time limit the control plane waits for the worker's answer (start-up of the sandbox,
     * the way back) before answering 504.
     */
    @WithDefault("15s")
    Duration answerGrace();

    /** Records a {@code datagen-source} without samples generates in a preview. */
    @WithDefault("100")
    int generatedRecordsPerSource();
}
