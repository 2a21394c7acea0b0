/**
 * Keycloak bearer tokens: a cache of what Quarkus OIDC verified, so a token is verified once, not on every request
 * (see {@link io.millrace.controlplane.security.oidc.VerifiedJwtCache} for what it does and does not weaken).
 */
package io.millrace.controlplane.security.oidc;
