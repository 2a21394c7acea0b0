package io.millrace.controlplane.tenant.service;

import java.util.regex.Pattern;

/** Tenant ids are slugs: lower-case letters, digits and inner dashes, at most 63 characters (they prefix topics). */
public final class TenantIds {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private TenantIds() {
    }

    public static boolean isValid(String id) {
        return id != null && SLUG.matcher(id).matches();
    }
}
