package io.millrace.controlplane.console;

/**
 * A 200-node spec for the builder's responsiveness measurement: 40 independent chains of
 * {@code kafka-source → filter → map → map → kafka-sink}, without a layout (the builder lays it out itself).
 */
final class LargePipeline {

    static final int CHAINS = 40;
    static final int NODES = CHAINS * 5;

    private LargePipeline() {}

    static String yaml() {
        StringBuilder text = new StringBuilder("""
                apiVersion: millrace.io/v1
                kind: Pipeline
                metadata: {name: two-hundred-nodes}
                spec:
                  nodes:
                """);
        for (int i = 0; i < CHAINS; i++) {
            text.append("    - {id: in-").append(i).append(", type: kafka-source, topic: acme.in-").append(i)
                    .append(", format: json}\n");
            text.append("    - {id: big-").append(i).append(", type: filter, inputs: [in-").append(i)
                    .append("], expression: \"value.amount > ").append(i).append("\"}\n");
            text.append("    - {id: shape-").append(i).append(", type: map, inputs: [big-").append(i)
                    .append("], expression: \"{'user': value.user, 'amount': value.amount}\"}\n");
            text.append("    - {id: tag-").append(i).append(", type: map, inputs: [shape-").append(i)
                    .append("], expression: \"{'user': value.user, 'chain': ").append(i).append("}\"}\n");
            text.append("    - {id: out-").append(i).append(", type: kafka-sink, inputs: [tag-").append(i)
                    .append("], topic: acme.out-").append(i).append("}\n");
        }
        return text.toString();
    }
}
