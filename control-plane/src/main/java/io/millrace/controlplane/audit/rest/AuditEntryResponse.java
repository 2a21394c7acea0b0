package io.millrace.controlplane.audit.rest;

import io.millrace.controlplane.audit.persistence.AuditEntryEntity;
import java.time.Instant;
import java.util.UUID;

/** One audit entry. */
public record AuditEntryResponse(long id, Instant at, String actorUserId, UUID actorTokenId, String action,
        String resourceType, String resourceId, String beforeHash, String afterHash) {

    static AuditEntryResponse from(AuditEntryEntity entry) {
        return new AuditEntryResponse(entry.id(), entry.at(), entry.actorUserId(), entry.actorTokenId(),
                entry.action(), entry.resourceType(), entry.resourceId(), entry.beforeHash(), entry.afterHash());
    }
}
