package io.millrace.controlplane.tenant.service;

import io.millrace.controlplane.security.Role;
import io.millrace.controlplane.tenant.persistence.MemberEntity;
import java.time.Instant;

/** A membership as the API shows it. */
public record MemberView(String tenantId, String userId, String username, Role role, Instant createdAt,
        Instant updatedAt) {

    static MemberView of(MemberEntity member) {
        return new MemberView(member.tenantId(), member.userId(), member.username(), member.role(),
                member.createdAt(), member.updatedAt());
    }
}
