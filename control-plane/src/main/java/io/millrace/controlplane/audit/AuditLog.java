package io.millrace.controlplane.audit;

import io.millrace.controlplane.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Records every write of the API. Call it INSIDE the transaction of the write it describes, so an entry exists exactly
 * when the write committed ({@code MANDATORY}: calling it outside a transaction is a bug and fails).
 */
@ApplicationScoped
public class AuditLog {

    /**
     * @param caller who did it (tenant, user, and the API token if one was used)
     * @param action what, as {@code <resource>.<verb>} (e.g. {@code pipeline.create}, {@code member.update})
     * @param resourceType the kind of resource (e.g. {@code pipeline})
     * @param resourceId its id within the tenant
     * @param beforeHash a hash of the resource before the write, null when it did not exist
     * @param afterHash a hash of the resource after the write, null when it was deleted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String action, String resourceType, String resourceId, String beforeHash,
            String afterHash) {
        // First cut: the audit_entry table arrives with V4; see the next commit.
    }
}
