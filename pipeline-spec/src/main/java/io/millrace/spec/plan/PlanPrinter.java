package io.millrace.spec.plan;

import java.util.List;
import java.util.stream.Collectors;

/** A readable rendering of a physical plan, for {@code plan FILE} and for people debugging. */
public final class PlanPrinter {

  public String print(PhysicalPlan plan) {
    JobGraph graph = plan.graph();
    StringBuilder out = new StringBuilder();
    out.append("plan ").append(graph.name())
        .append("  (planVersion ").append(plan.planVersion())
        .append(", maxParallelism ").append(graph.maxParallelism())
        .append(", ").append(plan.chains().size()).append(" chains, ")
        .append(plan.subtasks().size()).append(" subtasks)\n");

    out.append("\nchains:\n");
    for (OperatorChain chain : plan.chains()) {
      String operators = chain.vertices().stream()
          .map(id -> id + " (" + graph.vertex(id).orElseThrow().kind() + ")")
          .collect(Collectors.joining(" -> "));
      out.append("  [").append(chain.id()).append("] ").append(operators)
          .append("   parallelism ").append(chain.parallelism())
          .append(chain.keyed() ? ", keyed" : "").append('\n');
      if (chain.keyed()) {
        List<Subtask> subtasks = plan.subtasks().stream()
            .filter(s -> s.chain().equals(chain.id())).toList();
        out.append("      key groups: ").append(subtasks.stream()
            .map(s -> "#" + s.index() + " " + s.keyGroups())
            .collect(Collectors.joining(", "))).append('\n');
      }
    }

    out.append("\nedges:\n");
    if (plan.chainEdges().isEmpty()) {
      out.append("  (none)\n");
    }
    for (ChainEdge chainEdge : plan.chainEdges()) {
      JobEdge edge = chainEdge.edge();
      out.append("  ").append(edge.source());
      if (!JobEdge.MAIN.equals(edge.sourceOutput())) {
        out.append('.').append(edge.sourceOutput());
      }
      out.append(" --").append(edge.partitioning());
      if (edge.keyExpression() != null) {
        out.append('(').append(edge.keyExpression()).append(')');
      }
      out.append("--> ").append(edge.target());
      if (graph.inputsOf(edge.target()).size() > 1) {
        out.append(" (input ").append(edge.targetInput()).append(')');
      }
      out.append("   [").append(chainEdge.sourceChain()).append("] -> [")
          .append(chainEdge.targetChain()).append("]\n");
    }
    return out.toString();
  }
}
