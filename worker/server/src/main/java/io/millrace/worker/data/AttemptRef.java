package io.millrace.worker.data;

import io.millrace.engine.runtime.network.ChannelKey;

/** One attempt of one job: the unit the data plane releases streams by. */
record AttemptRef(String jobId, long attempt) {

    static AttemptRef of(ChannelKey key) {
        return new AttemptRef(key.jobId(), key.attempt());
    }
}
