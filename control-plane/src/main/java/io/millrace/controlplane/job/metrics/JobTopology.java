package io.millrace.controlplane.job.metrics;

import io.millrace.spec.plan.ChainEdge;
import io.millrace.spec.plan.OperatorChain;
import io.millrace.spec.plan.PhysicalPlan;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a job's task graph as the metrics need it: its chains (the tasks the workers report on) with their
 * nodes, which chains feed which, and each chain's depth (0 for a source chain, else one more than its deepest
 * input), so "the most upstream" is well defined.
 *
 * @param nodes node ids of each chain in data-flow order, chains in plan order
 * @param inputs the chains each chain reads from (empty for a source chain)
 * @param depth each chain's distance from the sources along its longest input path
 */
public record JobTopology(Map<String, List<String>> nodes, Map<String, Set<String>> inputs,
        Map<String, Integer> depth) {

    public JobTopology {
        nodes = Map.copyOf(nodes);
        inputs = Map.copyOf(inputs);
        depth = Map.copyOf(depth);
    }

    public static JobTopology of(PhysicalPlan plan) {
        Map<String, List<String>> nodes = new LinkedHashMap<>();
        Map<String, Set<String>> inputs = new LinkedHashMap<>();
        for (OperatorChain chain : plan.chains()) {
            nodes.put(chain.id(), List.copyOf(chain.vertices()));
            inputs.put(chain.id(), new LinkedHashSet<>());
        }
        for (ChainEdge edge : plan.chainEdges()) {
            inputs.computeIfAbsent(edge.targetChain(), c -> new LinkedHashSet<>()).add(edge.sourceChain());
        }
        Map<String, Set<String>> frozen = new LinkedHashMap<>();
        inputs.forEach((chain, from) -> frozen.put(chain, Set.copyOf(from)));
        return new JobTopology(nodes, frozen, depths(frozen));
    }

    /** Chains no chain feeds: where the job's records come in. */
    public Set<String> sourceChains() {
        Set<String> sources = new java.util.TreeSet<>();
        inputs.forEach((chain, from) -> {
            if (from.isEmpty()) {
                sources.add(chain);
            }
        });
        return Set.copyOf(sources);
    }

    /** Chains that feed no chain: where the job's records leave it (through their sinks). */
    public Set<String> sinkChains() {
        Set<String> feeding = new java.util.HashSet<>();
        inputs.values().forEach(feeding::addAll);
        Set<String> sinks = new java.util.TreeSet<>(nodes.keySet());
        sinks.removeAll(feeding);
        return Set.copyOf(sinks);
    }

    /** Longest path from a source chain; plans are acyclic (the spec compiler refuses cycles). */
    private static Map<String, Integer> depths(Map<String, Set<String>> inputs) {
        Map<String, Integer> depth = new HashMap<>();
        for (String chain : inputs.keySet()) {
            Deque<String> visiting = new ArrayDeque<>();
            depthOf(chain, inputs, depth, visiting);
        }
        return depth;
    }

    private static int depthOf(String chain, Map<String, Set<String>> inputs, Map<String, Integer> depth,
            Deque<String> visiting) {
        Integer known = depth.get(chain);
        if (known != null) {
            return known;
        }
        if (visiting.contains(chain)) {
            throw new IllegalArgumentException("the plan's chains form a cycle through " + chain);
        }
        visiting.push(chain);
        int d = 0;
        for (String input : inputs.getOrDefault(chain, Set.of())) {
            d = Math.max(d, depthOf(input, inputs, depth, visiting) + 1);
        }
        visiting.pop();
        depth.put(chain, d);
        return d;
    }

    public Set<String> inputsOf(String chain) {
        return inputs.getOrDefault(chain, Set.of());
    }

    public List<String> nodesOf(String chain) {
        return nodes.getOrDefault(chain, List.of());
    }

    public int depthOf(String chain) {
        return depth.getOrDefault(chain, Integer.MAX_VALUE);
    }
}
