package io.millrace.controlplane.security;

import io.millrace.controlplane.api.ApiProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, resolved once per request. Resources take it by constructor injection and call
 * {@link #require(Role)} before doing anything: a caller without the role gets a 403 problem.
 *
 * <p>First cut (the seam other packages code against): the tenant is the JWT claim {@code tenant} and the role the
 * highest Keycloak realm role. The database-backed membership replaces it without changing this API.
 */
@RequestScoped
public class CallerContext {

    private final SecurityIdentity identity;
    private Caller caller;

    public CallerContext(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller; a 401 problem when the request is not authenticated, 403 when it has no tenant. */
    public Caller caller() {
        if (caller == null) {
            caller = resolve();
        }
        return caller;
    }

    /** The caller, when their role allows {@code needed}; otherwise a 403 problem naming both roles. */
    public Caller require(Role needed) {
        Caller current = caller();
        if (!current.allows(needed)) {
            throw ApiProblem.forbidden("this needs the " + needed.wireName() + " role in tenant " + current.tenantId()
                    + "; " + (current.apiToken() ? "the API token" : "you") + " only " + (current.apiToken()
                            ? "has" : "have") + " " + current.role().wireName());
        }
        return current;
    }

    private Caller resolve() {
        if (identity == null || identity.isAnonymous()) {
            throw ApiProblem.unauthorized("send 'Authorization: Bearer <token>' with an OIDC access token or a"
                    + " Millrace API token");
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw ApiProblem.unauthorized("unsupported credential");
        }
        String tenant = Optional.ofNullable(jwt.getClaim("tenant")).map(Object::toString)
                .map(value -> value.replace("\"", "")).filter(value -> !value.isBlank())
                .orElseThrow(() -> ApiProblem.forbidden("the token has no 'tenant' claim; ask a tenant admin to add"
                        + " you to a tenant"));
        Role role = highestRealmRole();
        String name = Optional.ofNullable(jwt.<String>getClaim("preferred_username")).orElse(jwt.getSubject());
        return new Caller(tenant, jwt.getSubject(), name, role, Scope.grantableBy(role), false);
    }

    private Role highestRealmRole() {
        Role highest = null;
        for (String name : identity.getRoles()) {
            Role role = Role.parse(name).orElse(null);
            if (role != null && (highest == null || role.allows(highest))) {
                highest = role;
            }
        }
        if (highest == null) {
            throw ApiProblem.forbidden("the token carries no Millrace role (admin, editor or viewer); ask a tenant"
                    + " admin to grant you one");
        }
        return highest;
    }
}
