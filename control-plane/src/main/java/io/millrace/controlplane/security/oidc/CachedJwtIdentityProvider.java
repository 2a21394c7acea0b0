package io.millrace.controlplane.security.oidc;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a bearer JWT from {@link VerifiedJwtCache} before Quarkus OIDC's own provider is asked (a higher priority);
 * on a miss it answers nothing, and the identity providers' chain goes on to OIDC, whose verified identity
 * {@link VerifiedJwtRecorder} then remembers. The cached identity is handed out with THIS request's routing context
 * (OIDC stores the one of the request that verified it).
 */
@ApplicationScoped
public class CachedJwtIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Marks an identity served from the cache, so the recorder does not store it again. */
    static final String FROM_CACHE_ATTRIBUTE = "millrace.jwt-from-cache";

    private final VerifiedJwtCache cache;

    public CachedJwtIdentityProvider(VerifiedJwtCache cache) {
        this.cache = cache;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return cache.find(request.getToken().getToken())
                .map(cached -> Uni.createFrom().item(forThisRequest(cached, request)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    private static SecurityIdentity forThisRequest(SecurityIdentity cached, TokenAuthenticationRequest request) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(cached)
                .addAttribute(FROM_CACHE_ATTRIBUTE, Boolean.TRUE);
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            builder.addAttribute(RoutingContext.class.getName(), routingContext);
        }
        return builder.build();
    }
}
