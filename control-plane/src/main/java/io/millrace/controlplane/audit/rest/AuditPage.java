package io.millrace.controlplane.audit.rest;

import java.util.List;

/** A page of audit entries, newest first; {@code nextBefore} continues (null on the last page). */
public record AuditPage(List<AuditEntryResponse> entries, Long nextBefore) {
}
