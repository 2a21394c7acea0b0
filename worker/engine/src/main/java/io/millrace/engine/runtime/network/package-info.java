/**
 * The engine's side of the network data plane: channel identity ({@link io.millrace.engine.runtime.network.ChannelKey}),
 * the network encoding of batches, credit-based flow control on both ends of a remote channel, and the
 * {@link io.millrace.engine.runtime.network.RemoteExchange} seam a transport (the worker's gRPC data plane) implements.
 * No transport lives here: the engine knows no gRPC.
 */
package io.millrace.engine.runtime.network;
