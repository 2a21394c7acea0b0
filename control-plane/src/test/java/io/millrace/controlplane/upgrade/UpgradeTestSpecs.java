package io.millrace.controlplane.upgrade;

/** A keyed pipeline for the upgrade unit tests: filter → running count (process) and a window, two file sinks. */
public final class UpgradeTestSpecs {

    private UpgradeTestSpecs() {
    }

    public static String spec(String filter, String windowId, String windowSize, int maxParallelism) {
        return """
                apiVersion: millrace.io/v1
                kind: Pipeline
                metadata: {name: upgrade-unit}
                spec:
                  parallelism: 1
                  maxParallelism: %d
                  nodes:
                    - id: events
                      type: datagen-source
                      fields: [{name: id, kind: sequence}, {name: ts, kind: timestamp}]
                      watermark: {timestamp: value.ts, maxOutOfOrderness: 1s}
                    - {id: kept, type: filter, inputs: [events], expression: "%s"}
                    - id: running
                      type: process
                      inputs: [kept]
                      keyBy: value.id %% 4
                      state: [{name: count, kind: value, type: int}]
                      onRecord:
                        update: {count: "count + 1"}
                        emit: "[{'key': value.id %% 4, 'count': count + 1}]"
                    - id: %s
                      type: window-aggregate
                      inputs: [kept]
                      keyBy: value.id %% 4
                      window: {type: tumbling, size: %s}
                      aggregates: [{name: count, fn: count}]
                    - {id: counts-out, type: file-sink, inputs: [running], path: target/unused-a}
                    - {id: windows-out, type: file-sink, inputs: [%s], path: target/unused-b}
                """.formatted(maxParallelism, filter, windowId, windowSize, windowId);
    }

}
