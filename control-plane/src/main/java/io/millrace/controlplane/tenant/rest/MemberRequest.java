package io.millrace.controlplane.tenant.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/v1/members/{userId}}. */
@Schema(name = "MemberRequest")
public record MemberRequest(
        @Schema(required = true, enumeration = { "viewer", "editor", "admin" }) String role,
        @Schema(description = "Display name; required when adding a user who is not a member yet") String username) {
}
