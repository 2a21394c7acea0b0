package io.millrace.engine.runtime.network;

/**
 * One end of a remote channel, for the worker's metrics.
 *
 * @param key the channel
 * @param outbound true at the producer's end
 * @param buffersInUse batches queued at this end now
 * @param credits outbound: credits held (batches it may still send); inbound: credits the sender holds
 * @param backpressureRatio outbound: share of time since the previous reading the producer waited on a full
 *     channel (0..1); inbound: always 0 (backpressure is measured where the producer waits)
 */
public record ChannelMetrics(ChannelKey key, boolean outbound, int buffersInUse, int credits,
    double backpressureRatio) {}
