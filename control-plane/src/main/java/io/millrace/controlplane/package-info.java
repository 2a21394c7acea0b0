/**
 * The Millrace control plane. One package per feature, each split by layer
 * ({@code feature/{grpc,rest,service,persistence,config}}, STYLE.md 6). So far: {@code worker} — the gRPC gateway
 * workers dial into, the persisted worker registry with its heartbeat deadline monitor, and the worker list in the REST
 * API. Never imports the engine (worker/engine): the control plane schedules plans, it does not run operators.
 */
package io.millrace.controlplane;
