package io.millrace.controlplane.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void rolesAreOrdered() {
        assertThat(Role.ADMIN.allows(Role.EDITOR)).isTrue();
        assertThat(Role.EDITOR.allows(Role.EDITOR)).isTrue();
        assertThat(Role.VIEWER.allows(Role.EDITOR)).isFalse();
        assertThat(Role.ADMIN.min(Role.VIEWER)).isEqualTo(Role.VIEWER);
        assertThat(Role.parse(" Editor ")).contains(Role.EDITOR);
        assertThat(Role.parse("root")).isEmpty();
    }

    @Test
    void scopesImplyRolesAndRolesGrantScopes() {
        assertThat(Scope.highestRole(List.of(Scope.READ, Scope.WRITE))).isEqualTo(Role.EDITOR);
        assertThat(Scope.highestRole(List.of())).isEqualTo(Role.VIEWER);
        assertThat(Scope.grantableBy(Role.EDITOR)).isEqualTo(EnumSet.of(Scope.READ, Scope.WRITE));
        assertThat(Scope.grantableBy(Role.VIEWER)).isEqualTo(EnumSet.of(Scope.READ));
    }
}
