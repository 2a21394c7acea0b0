package io.millrace.controlplane.security.token;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The {@code Authorization: Bearer mr_...} credential of a request, for {@link ApiTokenIdentityProvider}. */
public class ApiTokenCredential extends BaseAuthenticationRequest {

    private final String secret;

    public ApiTokenCredential(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "ApiTokenCredential";
    }
}
