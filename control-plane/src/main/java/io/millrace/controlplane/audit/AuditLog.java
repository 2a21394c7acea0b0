package io.millrace.controlplane.audit;

import io.millrace.controlplane.audit.persistence.AuditEntryEntity;
import io.millrace.controlplane.audit.persistence.AuditRepository;
import io.millrace.controlplane.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Records every write of the API. Call it INSIDE the transaction of the write it describes, so an entry exists exactly
 * when the write committed ({@code MANDATORY}: calling it outside a transaction is a bug and fails).
 */
@ApplicationScoped
public class AuditLog {

    private final AuditRepository entries;
    private final Clock clock = Clock.systemUTC();

    public AuditLog(AuditRepository entries) {
        this.entries = entries;
    }

    /**
     * @param caller who did it (tenant, user, and the API token if one was used)
     * @param action what, as {@code <resource>.<verb>} (e.g. {@code pipeline.create}, {@code member.update})
     * @param resourceType the kind of resource (e.g. {@code pipeline})
     * @param resourceId its id within the tenant
     * @param beforeHash a hash of the resource before the write ({@link AuditHash}), null when it did not exist
     * @param afterHash a hash of the resource after the write, null when it was deleted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String action, String resourceType, String resourceId, String beforeHash,
            String afterHash) {
        UUID tokenId = caller.tokenId() == null ? null : UUID.fromString(caller.tokenId());
        entries.persist(AuditEntryEntity.of(caller.tenantId(), clock.instant(), caller.userId(), tokenId, action,
                resourceType, resourceId, beforeHash, afterHash));
    }
}
