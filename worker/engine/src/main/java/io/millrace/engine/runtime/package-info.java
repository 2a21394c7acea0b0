/**
 * Runs a {@link io.millrace.spec.plan.PhysicalPlan} in this process: {@link io.millrace.engine.runtime.LocalJob}
 * builds one task per (chain, subtask) with {@link io.millrace.engine.runtime.TaskGraphBuilder}, wires
 * the exchanges, binds connectors ({@link io.millrace.engine.runtime.Connectors}: by node id, or by kind through a
 * registered factory — the one connector resolution path) and operators
 * ({@link io.millrace.engine.runtime.VertexOperatorFactory}), owns the checkpoint coordinator, and
 * fails the whole job with the cause when a task fails. Restores from a completed checkpoint, also
 * at another parallelism. Sub-packages: tasks, exchanges, watermarks, barrier alignment, checkpoints.
 */
package io.millrace.engine.runtime;
