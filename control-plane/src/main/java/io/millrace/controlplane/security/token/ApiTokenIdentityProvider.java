package io.millrace.controlplane.security.token;

import io.millrace.controlplane.security.Caller;
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
 * Verifies Millrace API tokens against the database (on a worker thread: it is JDBC). The resolved {@link Caller}
 * travels as the identity attribute {@link #CALLER_ATTRIBUTE}; the realm-style role name is added too so
 * {@code @RolesAllowed} works for tokens like for JWTs.
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenCredential> {

    public static final String CALLER_ATTRIBUTE = "millrace.caller";

    private final ApiTokenAuthenticator authenticator;

    public ApiTokenIdentityProvider(ApiTokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Class<ApiTokenCredential> getRequestType() {
        return ApiTokenCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenCredential request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identityOf(request.secret()));
    }

    @ActivateRequestContext
    SecurityIdentity identityOf(String secret) {
        Caller caller;
        try {
            caller = authenticator.authenticate(secret);
        } catch (ApiTokenRejected rejected) {
            throw new AuthenticationFailedException(rejected.getMessage(), rejected);
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("token:" + caller.tokenId()))
                .addRole(caller.role().wireName())
                .addAttribute(CALLER_ATTRIBUTE, caller)
                .build();
    }
}
