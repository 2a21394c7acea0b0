/**
 * The Millrace worker process. Owns: the link to the control plane ({@code connection}: one outbound gRPC stream,
 * registration, heartbeats, reconnect with backoff), the worker's identity ({@code identity}), its configuration
 * ({@code config}) and health ({@code health}). The engine (worker/engine) plugs in here in a later issue; nothing here
 * may depend on the control plane's code — only on the protocol in worker/protocol.
 */
package io.millrace.worker;
