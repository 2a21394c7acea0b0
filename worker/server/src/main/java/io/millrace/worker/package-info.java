/**
 * The Millrace worker process. Owns: the link to the control plane ({@code connection}: one outbound gRPC stream,
 * registration, heartbeats, reconnect with backoff), the worker's identity ({@code identity}), its configuration
 * ({@code config}) and health ({@code health}), the execution of deployed job attempts with the engine
 * ({@code execution}) and the worker-to-worker data plane ({@code data}). Nothing here may depend on the control plane's
 * code — only on the protocol in worker/protocol and on the engine in worker/engine.
 */
package io.millrace.worker;
