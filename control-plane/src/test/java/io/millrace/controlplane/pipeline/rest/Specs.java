package io.millrace.controlplane.pipeline.rest;

import java.util.UUID;

/** Spec texts for the pipeline tests: valid ones under a fresh name, and variants of them. */
final class Specs {

    private Specs() {
    }

    static String freshName() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid keyed pipeline (datagen → keyed process → file sink) at parallelism 2, with a filter threshold. */
    static String yaml(String name, int threshold) {
        return """
                apiVersion: millrace.io/v1
                kind: Pipeline
                metadata: {name: %s, description: keyed bids}
                spec:
                  parallelism: 2
                  maxParallelism: 16
                  nodes:
                    - {id: bids, type: datagen-source, generator: nexmark, nexmark: {stream: bid}, rate: 100, seed: 1}
                    - {id: big, type: filter, inputs: [bids], expression: "value.price > %d"}
                    - id: count
                      type: process
                      inputs: [big]
                      keyBy: value.bidder
                      state: [{name: count, kind: value, type: int}]
                      onRecord:
                        update: {count: "count + 1"}
                        emit: "[{'bidder': value.bidder, 'count': count + 1}]"
                    - {id: out, type: file-sink, inputs: [count], path: target/it-pipelines-out}
                """.formatted(name, threshold);
    }

    /** The same pipeline as JSON. */
    static String json(String name) {
        return """
                {"apiVersion": "millrace.io/v1", "kind": "Pipeline", "metadata": {"name": "%s"},
                 "spec": {"nodes": [
                   {"id": "bids", "type": "datagen-source", "generator": "nexmark", "nexmark": {"stream": "bid"}},
                   {"id": "out", "type": "file-sink", "inputs": ["bids"], "path": "target/it-pipelines-out"}]}}
                """.formatted(name);
    }
}
