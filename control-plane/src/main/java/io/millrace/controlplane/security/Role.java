package io.millrace.controlplane.security;

import java.util.Locale;
import java.util.Optional;

/**
 * A member's role in one tenant, ordered from least to most powerful: each role may do everything the roles before it
 * may do.
 */
public enum Role {
    VIEWER, EDITOR, ADMIN;

    /** Whether a caller with this role may do something that needs {@code needed}. */
    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The less powerful of the two (an API token never does more than its creator may). */
    public Role min(Role other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** The role named {@code name}, case-insensitive ("admin", "ADMIN"), or empty. */
    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The lower-case name used in JSON and in Keycloak realm roles. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
