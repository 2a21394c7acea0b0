package io.millrace.controlplane.security.oidc;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Puts each identity Quarkus OIDC verified from a bearer JWT into {@link VerifiedJwtCache}; changes nothing. */
@ApplicationScoped
public class VerifiedJwtRecorder implements SecurityIdentityAugmentor {

    private final VerifiedJwtCache cache;

    public VerifiedJwtRecorder(VerifiedJwtCache cache) {
        this.cache = cache;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken
                && identity.getAttribute(CachedJwtIdentityProvider.FROM_CACHE_ATTRIBUTE) == null) {
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            if (credential != null && credential.getToken() != null) {
                cache.remember(credential.getToken(), identity);
            }
        }
        return Uni.createFrom().item(identity);
    }
}
