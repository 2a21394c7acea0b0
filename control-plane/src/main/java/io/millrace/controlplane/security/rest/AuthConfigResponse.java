package io.millrace.controlplane.security.rest;

/** What the console needs for its authorization code flow with PKCE. */
public record AuthConfigResponse(String issuer, String clientId) {
}
