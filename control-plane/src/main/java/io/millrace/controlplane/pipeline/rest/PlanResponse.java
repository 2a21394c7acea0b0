package io.millrace.controlplane.pipeline.rest;

import io.millrace.controlplane.pipeline.service.SpecProblem;
import io.millrace.spec.plan.ChainEdge;
import io.millrace.spec.plan.JobVertex;
import io.millrace.spec.plan.OperatorChain;
import io.millrace.spec.plan.PhysicalPlan;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The chained physical plan of a valid spec, shaped for the console to draw: chains (the tasks) with their operators
 * in data-flow order, and the edges between chains with how records are partitioned.
 */
@Schema(name = "Plan")
public record PlanResponse(String name, int maxParallelism, int subtasks, List<Chain> chains, List<Edge> edges,
        List<SpecProblem> warnings) {

    @Schema(name = "PlanChain", description = "Operators fused into one task; parallelism = its subtasks.")
    public record Chain(String id, int parallelism, boolean keyed, List<Operator> operators) {
    }

    @Schema(name = "PlanOperator", description = "One spec node: its id is its stable identity (and its state's).")
    public record Operator(String id, String kind, boolean keyed) {
    }

    @Schema(name = "PlanEdge", description = "Records crossing from one chain to another.")
    public record Edge(String sourceChain, String sourceNode,
            @Schema(description = "main, late or dead-letter") String sourceOutput, String targetChain,
            String targetNode, int targetInput,
            @Schema(description = "FORWARD, HASH, REBALANCE or BROADCAST") String partitioning,
            @Schema(description = "The CEL key of a HASH edge") String keyExpression) {
    }

    static PlanResponse from(PhysicalPlan plan, List<SpecProblem> warnings) {
        List<Chain> chains = plan.chains().stream().map(chain -> chain(plan, chain)).toList();
        List<Edge> edges = plan.chainEdges().stream().map(PlanResponse::edge).toList();
        return new PlanResponse(plan.graph().name(), plan.graph().maxParallelism(), plan.subtasks().size(), chains,
                edges, warnings);
    }

    private static Chain chain(PhysicalPlan plan, OperatorChain chain) {
        List<Operator> operators = chain.vertices().stream()
                .map(id -> plan.graph().vertex(id).orElseThrow())
                .map((JobVertex v) -> new Operator(v.id(), v.kind(), v.keyed()))
                .toList();
        return new Chain(chain.id(), chain.parallelism(), chain.keyed(), operators);
    }

    private static Edge edge(ChainEdge e) {
        return new Edge(e.sourceChain(), e.edge().source(), e.edge().sourceOutput(), e.targetChain(),
                e.edge().target(), e.edge().targetInput(), e.edge().partitioning().name(), e.edge().keyExpression());
    }
}
