package io.millrace.controlplane.audit.persistence;

import java.time.Instant;

/**
 * A page request over one tenant's audit log, newest first. Null filters match everything; {@code beforeId} continues
 * from the previous page's last entry.
 */
public record AuditQuery(String resourceType, String action, Instant since, Long beforeId, int limit) {
}
