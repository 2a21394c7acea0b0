package io.millrace.controlplane.tenant.service;

import io.millrace.controlplane.audit.AuditHash;
import io.millrace.controlplane.tenant.persistence.MemberEntity;

/** The audit hash of a membership: its tenant, user, role and whether it is active. */
final class MemberHashes {

    private MemberHashes() {
    }

    static String of(MemberEntity member) {
        if (member == null || !member.isActive()) {
            return null;
        }
        return AuditHash.of("member\n" + member.tenantId() + "\n" + member.userId() + "\n" + member.role());
    }
}
