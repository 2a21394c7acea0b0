package io.millrace.controlplane.tenant.service;

import io.millrace.controlplane.security.Role;

/** A tenant with the caller's role in it. */
public record TenantView(String id, String displayName, Role role) {
}
