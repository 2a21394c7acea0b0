package io.millrace.controlplane.tenant.rest;

import java.util.List;

/** The tenant this request acts in, and who the caller is in it. */
public record CurrentTenantResponse(String id, String displayName, String role, String userId, String username,
        boolean apiToken, List<String> scopes) {
}
