package io.millrace.controlplane.tenant.rest;

import io.millrace.controlplane.tenant.service.MemberView;
import java.time.Instant;

/** A member of the caller's tenant. */
public record MemberResponse(String userId, String username, String role, Instant createdAt, Instant updatedAt) {

    static MemberResponse from(MemberView member) {
        return new MemberResponse(member.userId(), member.username(), member.role().wireName(), member.createdAt(),
                member.updatedAt());
    }
}
