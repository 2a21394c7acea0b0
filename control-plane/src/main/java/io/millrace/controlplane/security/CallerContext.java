package io.millrace.controlplane.security;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.security.ratelimit.RateLimiter;
import io.millrace.controlplane.security.token.ApiTokenIdentityProvider;
import io.millrace.controlplane.tenant.service.MembershipResolver;
import io.millrace.controlplane.tenant.service.UserClaims;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, resolved once per request. Resources take it by constructor injection and call
 * {@link #require(Role)} before doing anything: a caller without the role gets a 403 problem.
 *
 * <p>API tokens arrive resolved by {@link ApiTokenIdentityProvider}; a signed-in user's tenant and role come from the
 * database membership ({@link MembershipResolver}, reused for a few seconds through {@link CallerCache}), the tenant chosen by the {@value #TENANT_HEADER} header or, without
 * it, the JWT {@code tenant} claim. Resolving the caller also takes a rate-limit permit (429 when there is none).
 */
@RequestScoped
public class CallerContext {

    /** Selects the tenant for a user who belongs to several. */
    public static final String TENANT_HEADER = "Millrace-Tenant";

    private final SecurityIdentity identity;
    private final MembershipResolver memberships;
    private final RateLimiter rateLimiter;
    private final CallerCache cache;
    private final HttpServerRequest request;
    private Caller caller;

    public CallerContext(SecurityIdentity identity, MembershipResolver memberships, RateLimiter rateLimiter,
            CallerCache cache, HttpServerRequest request) {
        this.identity = identity;
        this.memberships = memberships;
        this.rateLimiter = rateLimiter;
        this.cache = cache;
        this.request = request;
    }

    /** The caller; a 401 problem when the request is not authenticated, 403/404 when it has no usable tenant. */
    public Caller caller() {
        if (caller == null) {
            Caller resolved = resolve();
            rateLimiter.acquire(resolved);
            caller = resolved;
        }
        return caller;
    }

    /** The caller, when their role allows {@code needed}; otherwise a 403 problem naming both roles. */
    public Caller require(Role needed) {
        Caller current = caller();
        if (!current.allows(needed)) {
            throw ApiProblem.forbidden("this needs the " + needed.wireName() + " role in tenant " + current.tenantId()
                    + "; " + (current.apiToken() ? "the API token has" : "you have") + " "
                    + current.role().wireName());
        }
        return current;
    }

    private Caller resolve() {
        if (identity == null || identity.isAnonymous()) {
            throw ApiProblem.unauthorized("send 'Authorization: Bearer <token>' with an OIDC access token or a"
                    + " Millrace API token");
        }
        Optional<String> requestedTenant = Optional.ofNullable(request.getHeader(TENANT_HEADER)).map(String::trim)
                .filter(value -> !value.isEmpty());
        Caller tokenCaller = identity.getAttribute(ApiTokenIdentityProvider.CALLER_ATTRIBUTE);
        if (tokenCaller != null) {
            if (requestedTenant.isPresent() && !requestedTenant.get().equals(tokenCaller.tenantId())) {
                throw ApiProblem.notFound("no tenant '" + requestedTenant.get() + "' for this API token: a token acts"
                        + " only in the tenant it was created in; drop the 'Millrace-Tenant' header");
            }
            return tokenCaller;
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw ApiProblem.unauthorized("unsupported credential; send an OIDC access token or a Millrace API token");
        }
        UserClaims claims = claimsOf(jwt);
        Optional<String> tenant = requestedTenant.or(claims::tenantClaim);
        if (tenant.isEmpty()) {
            // Which tenant depends on the memberships themselves: rare (no claim, no header), not cached.
            return memberships.resolve(claims, requestedTenant);
        }
        return cache.get(new CallerCache.Key.User(claims.userId(), tenant.get(), claims.username()),
                () -> CallerCache.Resolution.of(memberships.resolve(claims, requestedTenant)));
    }

    private UserClaims claimsOf(JsonWebToken jwt) {
        Optional<String> tenant = Optional.ofNullable(jwt.getClaim("tenant")).map(Object::toString)
                .map(value -> value.replace("\"", "").trim()).filter(value -> !value.isEmpty());
        String username = Optional.ofNullable(jwt.<String>getClaim("preferred_username")).orElse(jwt.getSubject());
        return new UserClaims(jwt.getSubject(), username, tenant, highestRealmRole());
    }

    private Optional<Role> highestRealmRole() {
        Role highest = null;
        for (String name : identity.getRoles()) {
            Role role = Role.parse(name).orElse(null);
            if (role != null && (highest == null || role.allows(highest))) {
                highest = role;
            }
        }
        return Optional.ofNullable(highest);
    }
}
