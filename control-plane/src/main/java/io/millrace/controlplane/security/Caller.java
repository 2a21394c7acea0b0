package io.millrace.controlplane.security;

import java.util.Set;

/**
 * Who is making this request, in which tenant, with which effective role.
 *
 * @param tenantId the tenant this request acts in (every tenant-owned query filters by it)
 * @param userId the OIDC {@code sub} of the user, or of the token's creator for an API token
 * @param displayName a name for people (username as last seen, or the token's name)
 * @param role the effective role in {@code tenantId}: a member's role, or for an API token min(creator's current role,
 *        role its scopes imply)
 * @param scopes an API token's scopes; for a user every scope their role allows
 * @param apiToken whether the caller authenticated with a Millrace API token rather than an OIDC JWT
 * @param tokenId the API token's id when {@code apiToken}, else null (the audit log records it)
 */
public record Caller(String tenantId, String userId, String displayName, Role role, Set<Scope> scopes,
        boolean apiToken, String tokenId) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** A user signed in with an OIDC token: all scopes their role allows. */
    public Caller(String tenantId, String userId, String displayName, Role role, Set<Scope> scopes,
            boolean apiToken) {
        this(tenantId, userId, displayName, role, scopes, apiToken, null);
    }

    public boolean allows(Role needed) {
        return role.allows(needed);
    }
}
