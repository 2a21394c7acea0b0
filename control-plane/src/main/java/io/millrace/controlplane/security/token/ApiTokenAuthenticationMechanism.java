package io.millrace.controlplane.security.token;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Claims {@code Authorization: Bearer mr_...} credentials (Millrace API tokens) before OIDC sees them; any other
 * request is left to the OIDC bearer mechanism (answering no identity makes Quarkus try the next mechanism). A token
 * with our marker that fails verification is a 401 and never reaches OIDC: it is not a JWT, and Keycloak must not be
 * bothered with it.
 */
@ApplicationScoped
public class ApiTokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    /** Above OIDC's bearer mechanism, so our marker is checked first. */
    private static final int PRIORITY = DEFAULT_PRIORITY + 1000;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String credential = header.substring(BEARER.length()).trim();
        if (!ApiTokenSecret.looksLikeApiToken(credential)) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new ApiTokenCredential(credential), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiTokenCredential.class);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
