/**
 * Shared REST bits of {@code /api/v1}: {@link io.millrace.controlplane.api.ApiProblem} (throw it to answer an error),
 * the RFC 9457 body {@link io.millrace.controlplane.api.ProblemDetails}, and the exception mappers and filters that
 * make every error under {@code /api/v1} problem+json with a stable type.
 */
package io.millrace.controlplane.api;
