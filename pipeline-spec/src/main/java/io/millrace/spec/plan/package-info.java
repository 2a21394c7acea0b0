/**
 * The execution plan of a pipeline, following Apache Flink's model (DESIGN.md §4).
 *
 * <p>Owns the logical {@link io.millrace.spec.plan.JobGraph} (vertices = spec nodes, keyed by
 * their stable id; edges with partitioning), the {@link io.millrace.spec.plan.PhysicalPlanner}
 * (operator chaining, subtasks), key groups ({@link io.millrace.spec.plan.KeyGroups}), the JSON
 * plan format ({@link io.millrace.spec.plan.PlanCodec}) and its text rendering ({@link
 * io.millrace.spec.plan.PlanPrinter}). Documented in pipeline-spec/docs/plan.md. Knows nothing
 * of the spec model: {@code io.millrace.spec.compile} builds the graph from a spec.
 */
package io.millrace.spec.plan;
