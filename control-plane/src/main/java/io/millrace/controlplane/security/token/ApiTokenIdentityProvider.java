package io.millrace.controlplane.security.token;

import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.CallerCache;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * Verifies Millrace API tokens against the database (on a worker thread: it is JDBC), or the few seconds old answer
 * of {@link CallerCache}. The resolved {@link Caller}
 * travels as the identity attribute {@link #CALLER_ATTRIBUTE}; the realm-style role name is added too so
 * {@code @RolesAllowed} works for tokens like for JWTs.
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenCredential> {

    public static final String CALLER_ATTRIBUTE = "millrace.caller";

    private final ApiTokenAuthenticator authenticator;
    private final CallerCache cache;

    public ApiTokenIdentityProvider(ApiTokenAuthenticator authenticator, CallerCache cache) {
        this.authenticator = authenticator;
        this.cache = cache;
    }

    @Override
    public Class<ApiTokenCredential> getRequestType() {
        return ApiTokenCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenCredential request, AuthenticationRequestContext context) {
        CallerCache.Key key = new CallerCache.Key.Token(ApiTokenSecret.sha256Of(request.secret()));
        // A cached answer needs no database: give it on this (event-loop) thread, sparing two thread hand-offs.
        return cache.cached(key).map(caller -> Uni.createFrom().item(identity(caller)))
                .orElseGet(() -> context.runBlocking(() -> identityOf(request.secret(), key)));
    }

    @ActivateRequestContext
    SecurityIdentity identityOf(String secret, CallerCache.Key key) {
        Caller caller;
        try {
            caller = cache.get(key, () -> authenticator.authenticate(secret));
        } catch (ApiTokenRejected rejected) {
            throw new AuthenticationFailedException(rejected.getMessage(), rejected);
        }
        return identity(caller);
    }

    private static SecurityIdentity identity(Caller caller) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("token:" + caller.tokenId()))
                .addRole(caller.role().wireName())
                .addAttribute(CALLER_ATTRIBUTE, caller)
                .build();
    }
}
