package io.millrace.controlplane.audit.rest;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.FieldError;
import io.millrace.controlplane.audit.persistence.AuditEntryEntity;
import io.millrace.controlplane.audit.persistence.AuditQuery;
import io.millrace.controlplane.audit.persistence.AuditRepository;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's audit log, newest first, for its admins. */
@Path("/api/v1/audit")
@Tag(name = "Audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final CallerContext callers;
    private final AuditRepository entries;

    public AuditResource(CallerContext callers, AuditRepository entries) {
        this.callers = callers;
        this.entries = entries;
    }

    @GET
    @Transactional
    @Operation(summary = "Audit entries of the tenant", description = "Filters: resourceType, action, since"
            + " (ISO-8601). Paging: limit (1-500, default 50) and before=<nextBefore of the previous page>.")
    public AuditPage list(@QueryParam("resourceType") String resourceType, @QueryParam("action") String action,
            @QueryParam("since") String since, @QueryParam("before") Long before,
            @QueryParam("limit") Integer limit) {
        Caller caller = callers.require(Role.ADMIN);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiProblem.badRequest("invalid limit", List.of(FieldError.field("limit", "must be 1 to "
                    + MAX_LIMIT)));
        }
        Instant sinceInstant = null;
        if (since != null) {
            try {
                sinceInstant = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("invalid since", List.of(FieldError.field("since",
                        "an ISO-8601 instant such as 2026-01-31T12:00:00Z")));
            }
        }
        List<AuditEntryEntity> page = entries.page(caller.tenantId(), new AuditQuery(blankToNull(resourceType),
                blankToNull(action), sinceInstant, before, size));
        Long next = page.size() == size ? page.get(page.size() - 1).id() : null;
        return new AuditPage(page.stream().map(AuditEntryResponse::from).toList(), next);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
