package io.millrace.controlplane.console;

import java.util.List;

/**
 * The word-count pipeline with a datagen source instead of Kafka input (lines are generated, so the preview needs no
 * samples and the deployed job has records flowing without a producer), counting per one-second window into files.
 */
final class DatagenWordCount {

    static final String NAME = "word-count-live";
    /** Every word the generated lines contain: the preview's flat-map output can only be these. */
    static final List<String> WORDS = List.of("the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog");

    private DatagenWordCount() {}

    static String yaml() {
        return """
                apiVersion: millrace.io/v1
                kind: Pipeline
                metadata: {name: %s}
                spec:
                  parallelism: 1
                  checkpointing: {interval: 1s, mode: exactly-once}
                  nodes:
                    - id: lines
                      type: datagen-source
                      rate: 200
                      eventInterval: 5ms
                      seed: 7
                      fields:
                        - {name: line, kind: one-of, values: ["the quick brown fox", "jumps over the lazy dog"]}
                        - {name: ts, kind: timestamp}
                      watermark: {timestamp: value.ts, maxOutOfOrderness: 1s}
                    - {id: words, type: flat-map, inputs: [lines], expression: "value.line.split(' ')"}
                    - {id: counts, type: window-aggregate, inputs: [words], keyBy: "value.lowerAscii()",
                       window: {type: tumbling, size: 1s}, aggregates: [{name: count, fn: count}]}
                    - {id: out, type: file-sink, inputs: [counts], path: target/console-it/word-counts}
                """.formatted(NAME);
    }
}
