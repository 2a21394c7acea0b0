/**
 * Running what the control plane deploys: one {@link io.millrace.worker.execution.JobExecution} per (job, attempt)
 * around the engine's {@link io.millrace.engine.runtime.JobSlice}, built from {@code DeployTasks} by
 * {@link io.millrace.worker.execution.SliceSpecs}; task states, checkpoint answers and metrics go back through the
 * control-plane session. Connector kinds are registered in one place: {@link io.millrace.worker.execution.WorkerConnectors}.
 */
package io.millrace.worker.execution;
