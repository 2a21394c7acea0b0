/**
 * The worker ↔ control-plane protocol: the gRPC definition {@code millrace/worker/v1/worker_gateway.proto}
 * (shipped as a resource; each Quarkus app generates its stubs from it) and the {@link
 * io.millrace.protocol.ProtocolVersion} both sides agree on. No Quarkus, no engine, no control-plane code here.
 */
package io.millrace.protocol;
