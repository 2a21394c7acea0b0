/**
 * Who is calling: {@link io.millrace.controlplane.security.Caller} (tenant, user, effective role, scopes) resolved per
 * request by {@link io.millrace.controlplane.security.CallerContext}; roles and API-token scopes; the authentication
 * mechanisms (OIDC bearer JWTs and Millrace API tokens) and per-caller rate limits.
 */
package io.millrace.controlplane.security;
