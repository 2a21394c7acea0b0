package io.millrace.controlplane.pipeline.rest;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.FieldError;
import io.millrace.controlplane.job.rest.JobResponse;
import io.millrace.controlplane.job.service.JobService;
import io.millrace.controlplane.job.service.PipelineVersionRef;
import io.millrace.controlplane.job.service.SubmitOptions;
import io.millrace.controlplane.pipeline.diff.UnifiedDiff;
import io.millrace.controlplane.pipeline.service.ApplyOutcome;
import io.millrace.controlplane.pipeline.service.CheckedSpec;
import io.millrace.controlplane.pipeline.service.DeployableVersion;
import io.millrace.controlplane.pipeline.service.PipelineService;
import io.millrace.controlplane.pipeline.service.PipelineVersionView;
import io.millrace.controlplane.pipeline.service.SpecChecker;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.CallerContext;
import io.millrace.controlplane.security.Role;
import io.millrace.controlplane.upgrade.rest.UpgradeResponse;
import io.millrace.controlplane.upgrade.service.UpgradeService;
import io.millrace.controlplane.upgrade.service.UpgradeView;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Pipelines of the caller's tenant and their immutable versions. Viewers read; editors write. A pipeline of another
 * tenant does not exist for the caller (404). Writes take the spec (YAML or JSON) as the body; an invalid spec is a
 * 400 problem with every located error and writes nothing.
 */
@Path("/api/v1")
@Tag(name = "Pipelines")
@Authenticated
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class PipelineResource {

    private static final int DIFF_CONTEXT = 3;

    private final CallerContext callers;
    private final PipelineService pipelines;
    private final SpecChecker specs;
    private final JobService jobs;
    private final UpgradeService upgrades;

    public PipelineResource(CallerContext callers, PipelineService pipelines, SpecChecker specs, JobService jobs,
            UpgradeService upgrades) {
        this.callers = callers;
        this.pipelines = pipelines;
        this.specs = specs;
        this.jobs = jobs;
        this.upgrades = upgrades;
    }

    @GET
    @Path("/pipelines")
    @Operation(summary = "The tenant's pipelines by name, each with its newest version (without the spec text)")
    public List<PipelineResponse> list() {
        Caller caller = callers.require(Role.VIEWER);
        return pipelines.list(caller.tenantId()).stream().map(p -> PipelineResponse.from(p, false)).toList();
    }

    @POST
    @Path("/pipelines")
    @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON,
            MediaType.TEXT_PLAIN })
    @Operation(summary = "Create a pipeline from a spec", description = "The name is the spec's metadata.name;"
            + " 409 when it exists (PUT applies a new version).")
    public Response create(String spec, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        Caller caller = callers.require(Role.EDITOR);
        CheckedSpec checked = specs.requireValid(spec, SpecFormats.declared(contentType));
        ApplyOutcome outcome = ConcurrentCreate.retryOnce(
                () -> pipelines.apply(caller, checked, PipelineService.Mode.CREATE_ONLY, null));
        return written(outcome);
    }

    @GET
    @Path("/pipelines/{name}")
    @Operation(summary = "A pipeline with its newest version's spec; the ETag header is its current state")
    public Response get(@PathParam("name") String name) {
        Caller caller = callers.require(Role.VIEWER);
        var view = pipelines.get(caller.tenantId(), name);
        return Response.ok(PipelineResponse.from(view, true)).header(HttpHeaders.ETAG, view.etag()).build();
    }

    @PUT
    @Path("/pipelines/{name}")
    @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON,
            MediaType.TEXT_PLAIN })
    @Operation(summary = "Apply a spec (idempotent)", description = "Creates the pipeline (201), adds a version when"
            + " the spec text differs from the newest version (200, outcome VERSION_ADDED), or changes nothing for the"
            + " same text (200, UNCHANGED). If-Match with a stale ETag: 412.")
    public Response apply(@PathParam("name") String name, String spec,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Caller caller = callers.require(Role.EDITOR);
        CheckedSpec checked = specs.requireValid(spec, SpecFormats.declared(contentType));
        if (!checked.name().equals(name)) {
            throw ApiProblem.badRequest("the spec is named '" + checked.name() + "' but was sent to /api/v1/pipelines/"
                    + name + "; PUT it to /api/v1/pipelines/" + checked.name() + " or rename it",
                    List.of(FieldError.field("metadata.name", "must be '" + name + "' (the name in the URL)")));
        }
        ApplyOutcome outcome = ConcurrentCreate.retryOnce(
                () -> pipelines.apply(caller, checked, PipelineService.Mode.APPLY, ifMatch));
        return written(outcome);
    }

    @DELETE
    @Path("/pipelines/{name}")
    @Operation(summary = "Delete a pipeline and its versions", description = "409 while one of its jobs has not"
            + " ended; If-Match with a stale ETag: 412.")
    public Response delete(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Caller caller = callers.require(Role.EDITOR);
        pipelines.delete(caller, name, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/pipelines/{name}/versions")
    @Operation(summary = "Every version of a pipeline, newest first (without the spec text)")
    public List<VersionResponse> versions(@PathParam("name") String name) {
        Caller caller = callers.require(Role.VIEWER);
        return pipelines.versions(caller.tenantId(), name).stream().map(v -> VersionResponse.from(v, false))
                .toList();
    }

    @GET
    @Path("/pipelines/{name}/versions/{version}")
    @Produces({ "application/yaml", MediaType.APPLICATION_JSON })
    @Operation(summary = "A version's spec, exactly as sent, in its own format (application/yaml or JSON)")
    public Response version(@PathParam("name") String name, @PathParam("version") String version) {
        Caller caller = callers.require(Role.VIEWER);
        PipelineVersionView v = pipelines.version(caller.tenantId(), name, versionNumber(version));
        return Response.ok(v.spec(), SpecFormats.mediaType(v.format()))
                .header(HttpHeaders.ETAG, "\"" + v.specHash() + "\"")
                .header("Millrace-Author", v.author()).build();
    }

    @GET
    @Path("/pipelines/{name}/versions/{from}/diff/{to}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Unified diff (diff -u) from one version's spec to another's; empty when equal")
    public String diff(@PathParam("name") String name, @PathParam("from") String from,
            @PathParam("to") String to) {
        Caller caller = callers.require(Role.VIEWER);
        PipelineVersionView a = pipelines.version(caller.tenantId(), name, versionNumber(from));
        PipelineVersionView b = pipelines.version(caller.tenantId(), name, versionNumber(to));
        return UnifiedDiff.of(name + "@" + a.version(), a.spec(), name + "@" + b.version(), b.spec(), DIFF_CONTEXT);
    }

    @POST
    @Path("/pipelines/{name}/deploy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deploy a version as a new job, or upgrade the running one", description = "Body"
            + " (optional): {version, parallelism, fromSavepoint: {jobId, checkpointId}, confirmDroppedState};"
            + " default the newest version at the spec's parallelism. While a job of the pipeline is RUNNING (and no"
            + " fromSavepoint is given) the deploy is a safe upgrade: 409 state-drop-needs-confirmation with the"
            + " stateDiff when state would be dropped without confirmDroppedState; else the job is stopped with a"
            + " savepoint, the version starts from it, and 202 answers the upgrade (watched, rolled back on failure).")
    public Response deploy(@PathParam("name") String name, DeployRequest request) {
        Caller caller = callers.require(Role.EDITOR);
        DeployRequest body = request == null ? new DeployRequest(null, null, null) : request;
        if (body.version() != null && body.version() < 1) {
            throw ApiProblem.badRequest("versions start at 1", List.of(FieldError.field("version", "must be >= 1")));
        }
        if (body.parallelism() != null && body.parallelism() < 1) {
            throw ApiProblem.badRequest("parallelism must be at least 1",
                    List.of(FieldError.field("parallelism", "must be >= 1")));
        }
        var from = body.fromSavepoint();
        if (from != null && (from.jobId() == null || from.checkpointId() == null)) {
            throw ApiProblem.badRequest("fromSavepoint needs both jobId and checkpointId",
                    List.of(FieldError.field(from.jobId() == null ? "fromSavepoint.jobId"
                            : "fromSavepoint.checkpointId", "required")));
        }
        DeployableVersion version = pipelines.deployable(caller.tenantId(), name, body.version());
        if (from == null) {
            var upgrade = upgrades.upgradeIfRunning(caller, version, body.parallelism(),
                    Boolean.TRUE.equals(body.confirmDroppedState()));
            if (upgrade.isPresent()) {
                UpgradeView started = upgrade.get().upgrade();
                return Response.accepted(UpgradeResponse.from(started, upgrade.get().diff()))
                        .location(URI.create("/api/v1/pipelines/" + name + "/upgrades")).build();
            }
        }
        var job = jobs.deploy(caller, new PipelineVersionRef(version.pipelineId(), version.version()),
                version.spec(), new SubmitOptions(version.format(), body.parallelism(), null, null),
                from == null ? null : from.jobId(), from == null ? null : from.checkpointId());
        return Response.created(URI.create("/api/v1/jobs/" + job.id())).entity(JobResponse.from(job, name)).build();
    }

    private static int versionNumber(String version) {
        try {
            int n = Integer.parseInt(version);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.notFound("'" + version + "' is not a version number (versions are 1, 2, ...)");
    }

    private static Response written(ApplyOutcome outcome) {
        var view = outcome.pipeline();
        Response.ResponseBuilder response = outcome.kind() == ApplyOutcome.Kind.CREATED
                ? Response.created(URI.create("/api/v1/pipelines/" + view.name()))
                : Response.ok();
        return response.entity(PipelineResponse.from(outcome)).header(HttpHeaders.ETAG, view.etag()).build();
    }
}
