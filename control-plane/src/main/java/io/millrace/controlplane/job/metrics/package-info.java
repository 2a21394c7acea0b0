/**
 * Job metrics as the API serves them: {@code TaskMetricsBoard} keeps the latest worker-reported samples of every task
 * of a job's current attempt in memory and derives per-second rates, busy/idle/backpressure shares, watermark lag and
 * node gauges from them; {@code JobMetricsService} sums node gauges per node and finds the bottleneck
 * ({@code BottleneckRule}) over the job's chain graph ({@code JobTopology}).
 */
package io.millrace.controlplane.job.metrics;
