package io.millrace.controlplane.upgrade.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.millrace.controlplane.api.ApiProblem;
import io.millrace.spec.statediff.StateDiff;
import java.util.UUID;

/**
 * RFC 9457 body of 409 {@code state-drop-needs-confirmation}: the usual members plus the extension members the
 * console's deploy dialog reads ({@code stateDiff}, and which job/version it was computed against).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StateDropProblem(String type, String title, int status, String detail, String instance,
        Integer fromVersion, UUID fromJobId, int toVersion, boolean dropsState, StateDiff stateDiff) {

    public static final String SLUG = "state-drop-needs-confirmation";
    public static final String TYPE = ApiProblem.TYPE_PREFIX + SLUG;
}
