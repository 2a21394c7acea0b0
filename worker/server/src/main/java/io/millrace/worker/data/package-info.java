/**
 * The worker-to-worker data plane: the gRPC {@code DataExchange} service (served on the HTTP port) and the engine's
 * {@link io.millrace.engine.runtime.network.RemoteExchange} over it. The producer's worker dials the consumer's worker,
 * one stream per channel and one HTTP/2 connection per peer; the receiver grants credits (its buffer, then one per
 * consumed batch) and the sender sends only against them. A broken stream fails the task on each end.
 */
package io.millrace.worker.data;
