package io.millrace.controlplane.tenant.service;

import io.millrace.controlplane.security.Role;
import java.util.Optional;

/**
 * What the identity provider says about a signed-in user. Only the bootstrap uses {@code tenantClaim} and
 * {@code realmRole}; after it the database membership decides.
 *
 * @param userId the OIDC subject
 * @param username {@code preferred_username}, else the subject
 * @param tenantClaim the JWT claim {@code tenant}, when present
 * @param realmRole the highest of the realm roles admin/editor/viewer, when any
 */
public record UserClaims(String userId, String username, Optional<String> tenantClaim, Optional<Role> realmRole) {
}
