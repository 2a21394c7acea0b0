package io.millrace.controlplane.pipeline.service;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.audit.AuditLog;
import io.millrace.controlplane.job.service.JobStore;
import io.millrace.controlplane.pipeline.persistence.PipelineEntity;
import io.millrace.controlplane.pipeline.persistence.PipelineRepository;
import io.millrace.controlplane.pipeline.persistence.PipelineVersionEntity;
import io.millrace.controlplane.pipeline.persistence.PipelineVersionRepository;
import io.millrace.controlplane.security.Caller;
import io.millrace.spec.parse.Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Pipelines and their immutable versions. Each method is one transaction; every write records its audit entry in
 * that same transaction (before/after = SHA-256 of the newest spec). Writers of one pipeline take turns on its row
 * lock. Specs arrive here already validated ({@link SpecChecker}), so nothing is written for an invalid one.
 */
@ApplicationScoped
public class PipelineService {

    private static final Logger LOG = Logger.getLogger(PipelineService.class);

    /** What a write may do when the pipeline exists (POST creates only; PUT applies). */
    public enum Mode {
        CREATE_ONLY, APPLY
    }

    private final PipelineRepository pipelines;
    private final PipelineVersionRepository versions;
    private final JobStore jobs;
    private final AuditLog audit;

    public PipelineService(PipelineRepository pipelines, PipelineVersionRepository versions, JobStore jobs,
            AuditLog audit) {
        this.pipelines = pipelines;
        this.versions = versions;
        this.jobs = jobs;
        this.audit = audit;
    }

    /**
     * Creates the pipeline named by the spec, or (mode APPLY) adds a version when the text's hash differs from the
     * newest version's. {@code ifMatch} (the request's If-Match header, may be null) must match the current ETag.
     */
    @Transactional
    public ApplyOutcome apply(Caller caller, CheckedSpec spec, Mode mode, String ifMatch) {
        String name = spec.name();
        String hash = spec.hash();
        Instant now = Instant.now();
        PipelineEntity pipeline = pipelines.lockByName(caller.tenantId(), name).orElse(null);
        if (pipeline == null) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw preconditionFailed("pipeline '" + name + "' does not exist, so no If-Match can match; send the"
                        + " request without If-Match to create it");
            }
            pipeline = PipelineEntity.created(UUID.randomUUID(), caller.tenantId(), name, spec.description(),
                    author(caller), now);
            pipelines.persist(pipeline);
            // Flush now: a concurrent create of the same name fails HERE with the unique key (PipelineWrites retries).
            pipelines.flush();
            versions.persist(new PipelineVersionEntity(pipeline.id(), 1, caller.tenantId(), spec.text(),
                    spec.format().name(), hash, author(caller), now));
            versions.flush();
            audit.record(caller, "pipeline.create", "pipeline", name, null, hash);
            LOG.infof("tenant=%s pipeline=%s id=%s: created (version 1) by %s", caller.tenantId(), name,
                    pipeline.id(), caller.userId());
            return new ApplyOutcome(ApplyOutcome.Kind.CREATED, PipelineView.of(pipeline, latestOf(pipeline)));
        }
        if (mode == Mode.CREATE_ONLY) {
            throw new ApiProblem(409, "pipeline-exists", "Pipeline exists", "pipeline '" + name + "' already exists"
                    + " (version " + pipeline.latestVersion() + "); PUT /api/v1/pipelines/" + name
                    + " applies a new version");
        }
        requireMatch(pipeline, ifMatch);
        PipelineVersionView latest = latestOf(pipeline);
        if (latest.specHash().equals(hash)) {
            return new ApplyOutcome(ApplyOutcome.Kind.UNCHANGED, PipelineView.of(pipeline, latest));
        }
        int version = pipeline.addVersion(spec.description(), now);
        versions.persist(new PipelineVersionEntity(pipeline.id(), version, caller.tenantId(), spec.text(),
                spec.format().name(), hash, author(caller), now));
        pipelines.flush();
        audit.record(caller, "pipeline.update", "pipeline", name, latest.specHash(), hash);
        LOG.infof("tenant=%s pipeline=%s id=%s: version %d by %s", caller.tenantId(), name, pipeline.id(), version,
                caller.userId());
        return new ApplyOutcome(ApplyOutcome.Kind.VERSION_ADDED, PipelineView.of(pipeline, latestOf(pipeline)));
    }

    /**
     * No transaction: one read-only query answers it, so a JTA transaction around it would add its begin/commit cost to
     * the API's commonest request and protect nothing.
     */
    public PipelineView get(String tenantId, String name) {
        return pipelines.findWithLatest(tenantId, name).map(PipelineService::viewOf)
                .orElseThrow(() -> notFound(tenantId, name));
    }

    /** The tenant's pipelines by name, each with its newest version. */
    @Transactional
    public List<PipelineView> list(String tenantId) {
        return pipelines.listWithLatest(tenantId).stream().map(PipelineService::viewOf).toList();
    }

    /** Newest first. */
    @Transactional
    public List<PipelineVersionView> versions(String tenantId, String name) {
        PipelineEntity pipeline = require(tenantId, name);
        return versions.listForPipeline(tenantId, pipeline.id()).stream().map(PipelineVersionView::of).toList();
    }

    @Transactional
    public PipelineVersionView version(String tenantId, String name, int version) {
        PipelineEntity pipeline = require(tenantId, name);
        return versions.find(tenantId, pipeline.id(), version).map(PipelineVersionView::of)
                .orElseThrow(() -> ApiProblem.notFound("pipeline '" + name + "' has no version " + version
                        + " (versions 1.." + pipeline.latestVersion() + ")"));
    }

    /** A version to deploy: the newest when {@code version} is null. */
    @Transactional
    public DeployableVersion deployable(String tenantId, String name, Integer version) {
        PipelineEntity pipeline = require(tenantId, name);
        PipelineVersionView v = version(tenantId, name, version == null ? pipeline.latestVersion() : version);
        return new DeployableVersion(pipeline.id(), name, v.version(), v.spec(), Format.valueOf(v.format()),
                v.specHash());
    }

    /** Deletes the pipeline and its versions; refused while one of its jobs has not ended. */
    @Transactional
    public void delete(Caller caller, String name, String ifMatch) {
        PipelineEntity pipeline = pipelines.lockByName(caller.tenantId(), name)
                .orElseThrow(() -> notFound(caller.tenantId(), name));
        requireMatch(pipeline, ifMatch);
        long live = jobs.countLive(caller.tenantId(), pipeline.id());
        if (live > 0) {
            throw new ApiProblem(409, "pipeline-in-use", "Pipeline in use", "pipeline '" + name + "' has " + live
                    + (live == 1 ? " job" : " jobs") + " that have not ended; stop "
                    + (live == 1 ? "it" : "them") + " first (GET /api/v1/jobs?pipeline=" + name + ")");
        }
        String before = latestOf(pipeline).specHash();
        versions.deleteForPipeline(caller.tenantId(), pipeline.id());
        pipelines.delete(pipeline);
        audit.record(caller, "pipeline.delete", "pipeline", name, before, null);
        LOG.infof("tenant=%s pipeline=%s id=%s: deleted by %s", caller.tenantId(), name, pipeline.id(),
                caller.userId());
    }

    /** The pipeline's id, for filters (jobs of a pipeline); 404 when the tenant has none of that name. */
    @Transactional
    public UUID idOf(String tenantId, String name) {
        return require(tenantId, name).id();
    }

    private PipelineEntity require(String tenantId, String name) {
        return pipelines.findByName(tenantId, name).orElseThrow(() -> notFound(tenantId, name));
    }

    private static PipelineView viewOf(PipelineRepository.WithLatest row) {
        return PipelineView.of(row.pipeline(), PipelineVersionView.of(row.latest()));
    }

    private PipelineVersionView latestOf(PipelineEntity pipeline) {
        return versions.find(pipeline.tenantId(), pipeline.id(), pipeline.latestVersion())
                .map(PipelineVersionView::of).orElseThrow(() -> new IllegalStateException("pipeline " + pipeline.id()
                        + " has no row for its latest version " + pipeline.latestVersion()));
    }

    private static void requireMatch(PipelineEntity pipeline, String ifMatch) {
        String current = PipelineETag.of(pipeline);
        if (!PipelineETag.matches(ifMatch, current)) {
            throw preconditionFailed("If-Match " + ifMatch + " does not match pipeline '" + pipeline.name()
                    + "' (now version " + pipeline.latestVersion() + ", ETag " + current + "); GET it again, merge"
                    + " your change and retry with the new ETag");
        }
    }

    private static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(412, "precondition-failed", "Precondition failed", detail);
    }

    static ApiProblem notFound(String tenantId, String name) {
        return ApiProblem.notFound("no pipeline '" + name + "' in tenant " + tenantId);
    }

    private static String author(Caller caller) {
        return caller.displayName() == null ? caller.userId() : caller.displayName();
    }
}
