package io.millrace.controlplane.cluster;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cluster tests' job and its expected output, computed from the generator's definition (not from a run): a
 * bounded {@code datagen-source} of {@code records} sequence numbers whose event time is {@code base + index × 10 µs}
 * (datagen's fixed schedule), keyed by {@code id % keys}, counted per tumbling event-time window, written by a
 * {@code file-sink}. Parallelism 2 everywhere, so the keyed shuffle crosses workers.
 */
record WindowCountJob(long records, long ratePerSecond, int keys, long windowMillis, int parallelism) {

    /** Event time of index 0 and the distance between indices: datagen's {@code EventSchedule.NEXMARK_DEFAULT}. */
    static final long BASE_EPOCH_MILLIS = 1_767_225_600_000L;
    static final long INTERVAL_NANOS = 10_000L;

    String spec(Path output) {
        return """
                apiVersion: millrace.io/v1
                kind: Pipeline
                metadata: {name: cluster-window-count}
                spec:
                  parallelism: %d
                  checkpointing: {interval: 1s, mode: exactly-once}
                  nodes:
                    - id: events
                      type: datagen-source
                      count: %d
                      rate: %d
                      seed: 42
                      fields:
                        - {name: id, kind: sequence}
                        - {name: ts, kind: timestamp}
                      watermark: {timestamp: value.ts, maxOutOfOrderness: 1s}
                    - id: counts
                      type: window-aggregate
                      inputs: [events]
                      keyBy: value.id %% %d
                      window: {type: tumbling, size: %dms}
                      aggregates: [{name: count, fn: count}]
                    - {id: out, type: file-sink, inputs: [counts], path: "%s"}
                """.formatted(parallelism, records, ratePerSecond, keys, windowMillis, output.toUri());
    }

    /** Every output row as {@code key|windowStart|windowEnd|count}, sorted. */
    List<String> expectedRows() {
        Map<String, Long> counts = new TreeMap<>();
        for (long i = 0; i < records; i++) {
            long time = BASE_EPOCH_MILLIS + i * INTERVAL_NANOS / 1_000_000L;
            long start = time - Math.floorMod(time, windowMillis);
            counts.merge(row(i % keys, start, start + windowMillis), 1L, Long::sum);
        }
        List<String> rows = new ArrayList<>();
        counts.forEach((window, count) -> rows.add(window + "|" + count));
        rows.sort(null);
        return rows;
    }

    static String row(Object key, long startMillis, long endMillis) {
        return key + "|" + Instant.ofEpochMilli(startMillis) + "|" + Instant.ofEpochMilli(endMillis);
    }
}
