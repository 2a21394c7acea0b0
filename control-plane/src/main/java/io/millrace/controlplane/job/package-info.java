/**
 * Jobs: a submitted spec compiled to a physical plan and run as a sequence of attempts on workers. {@code JobState} is
 * the lifecycle; {@code schedule} places subtasks into worker slots; {@code restart} decides whether and when a failed
 * job restarts; {@code service} holds the job masters (deployment, task states, checkpoint coordination, recovery) and
 * the operations; {@code persistence} the jobs and checkpoint metadata in PostgreSQL; {@code rest} the
 * {@code /api/v1/jobs} surface. The control plane never interprets task state bytes: they belong to the engine.
 */
package io.millrace.controlplane.job;
