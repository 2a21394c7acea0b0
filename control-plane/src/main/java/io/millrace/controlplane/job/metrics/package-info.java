/**
 * Job metrics as the API serves them: {@code TaskMetricsBoard} keeps the latest worker-reported sample of every task
 * of a job's current attempt in memory and derives per-second rates, backpressure and watermark lag from them.
 */
package io.millrace.controlplane.job.metrics;
