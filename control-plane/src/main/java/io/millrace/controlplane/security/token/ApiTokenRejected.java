package io.millrace.controlplane.security.token;

/**
 * Why an API token was refused (unknown, expired, revoked, its creator left the tenant). It travels as the cause of
 * Quarkus' {@code AuthenticationFailedException}; the API answers 401 with this reason.
 */
public class ApiTokenRejected extends RuntimeException {

    public ApiTokenRejected(String reason) {
        super(reason, null, false, false);
    }
}
