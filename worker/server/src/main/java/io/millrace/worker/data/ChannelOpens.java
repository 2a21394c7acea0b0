package io.millrace.worker.data;

import io.millrace.engine.runtime.network.ChannelKey;
import io.millrace.protocol.v1.ChannelOpen;

/** {@link ChannelKey} ↔ the {@link ChannelOpen} frame that starts every Transfer stream. */
final class ChannelOpens {

    private ChannelOpens() {}

    static ChannelOpen toOpen(ChannelKey key) {
        return ChannelOpen.newBuilder()
                .setJobId(key.jobId())
                .setAttempt(key.attempt())
                .setSourceVertex(key.sourceVertex())
                .setSourceOutput(key.sourceOutput())
                .setTargetVertex(key.targetVertex())
                .setTargetInput(key.targetInput())
                .setProducerSubtask(key.producer())
                .setConsumerSubtask(key.consumer())
                .build();
    }

    static ChannelKey toKey(ChannelOpen open) {
        return new ChannelKey(open.getJobId(), open.getAttempt(), open.getSourceVertex(), open.getSourceOutput(),
                open.getTargetVertex(), open.getTargetInput(), open.getProducerSubtask(), open.getConsumerSubtask());
    }
}
