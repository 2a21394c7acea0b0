package io.millrace.controlplane.security;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * What an API token was granted. Each scope implies a role; the token's effective role is the highest role its scopes
 * imply, capped by its creator's current role.
 */
public enum Scope {
    READ(Role.VIEWER), WRITE(Role.EDITOR), ADMIN(Role.ADMIN);

    private final Role implies;

    Scope(Role implies) {
        this.implies = implies;
    }

    public Role implies() {
        return implies;
    }

    /** The lower-case name used in JSON. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The highest role any of {@code scopes} implies; VIEWER for none (a token without scopes reads nothing more). */
    public static Role highestRole(Collection<Scope> scopes) {
        Role highest = Role.VIEWER;
        for (Scope scope : scopes) {
            if (scope.implies.compareTo(highest) > 0) {
                highest = scope.implies;
            }
        }
        return highest;
    }

    /** Every scope whose implied role {@code role} allows: what a user with that role may grant a token. */
    public static java.util.Set<Scope> grantableBy(Role role) {
        var grantable = java.util.EnumSet.noneOf(Scope.class);
        for (Scope scope : values()) {
            if (role.allows(scope.implies)) {
                grantable.add(scope);
            }
        }
        return grantable;
    }
}
