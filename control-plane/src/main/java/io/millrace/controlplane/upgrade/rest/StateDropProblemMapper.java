package io.millrace.controlplane.upgrade.rest;

import io.millrace.controlplane.api.ProblemDetails;
import io.millrace.controlplane.upgrade.service.StateDiffView;
import io.millrace.controlplane.upgrade.service.StateDropNeedsConfirmation;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@link StateDropNeedsConfirmation} → 409 problem+json carrying the state diff. */
public class StateDropProblemMapper {

    @ServerExceptionMapper
    public Response needsConfirmation(StateDropNeedsConfirmation e, UriInfo uri) {
        StateDiffView diff = e.diff();
        return Response.status(409).type(ProblemDetails.MEDIA_TYPE).entity(new StateDropProblem(
                StateDropProblem.TYPE, "Dropping state needs confirmation", 409, e.getMessage(),
                uri == null ? null : uri.getPath(), diff.fromVersion(), diff.fromJobId(), diff.toVersion(),
                diff.dropsState(), diff.stateDiff())).build();
    }
}
