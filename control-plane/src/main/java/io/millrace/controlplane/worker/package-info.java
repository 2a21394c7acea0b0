/**
 * Workers: the gRPC gateway they dial into ({@code grpc}), the persisted registry and heartbeat deadline monitor
 * ({@code service}, {@code persistence}), the REST listing ({@code rest}) and settings ({@code config}). The state a
 * worker can be in is {@link io.millrace.controlplane.worker.WorkerState}.
 */
package io.millrace.controlplane.worker;
