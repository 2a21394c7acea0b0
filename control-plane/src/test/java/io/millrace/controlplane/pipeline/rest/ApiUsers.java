package io.millrace.controlplane.pipeline.rest;

import io.millrace.localstack.KeycloakTokens;
import io.millrace.localstack.SharedServers;

/**
 * Tokens of the realm's users (local-stack's millrace-realm.json): alice admin and bob viewer in acme, carol admin
 * and dave editor in globex. Fetched by password grant from the real Keycloak.
 */
record ApiUsers(String alice, String bob, String carol, String dave) {

    static ApiUsers login() {
        return new ApiUsers(token("alice"), token("bob"), token("carol"), token("dave"));
    }

    private static String token(String user) {
        return KeycloakTokens.passwordGrant(SharedServers.keycloak(), "millrace-cli", user, user + "-dev-password");
    }
}
