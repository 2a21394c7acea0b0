package io.millrace.controlplane.tenant.rest;

import io.millrace.controlplane.tenant.service.TenantView;

/** A tenant with the caller's role in it (the console's tenant switcher). */
public record TenantResponse(String id, String displayName, String role) {

    static TenantResponse from(TenantView tenant) {
        return new TenantResponse(tenant.id(), tenant.displayName(), tenant.role().wireName());
    }
}
