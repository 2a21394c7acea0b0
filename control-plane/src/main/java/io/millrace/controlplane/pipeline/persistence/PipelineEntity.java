package io.millrace.controlplane.pipeline.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A pipeline (table {@code pipeline}, schema in {@code V5__pipelines.sql}): a tenant's named spec and the number of its
 * newest version. Tenant-owned. {@code rowVersion} is the optimistic-concurrency counter the ETag is made of.
 */
@Entity
@Table(name = "pipeline")
public class PipelineEntity {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private String tenantId;
    @Column(nullable = false)
    private String name;
    private String description;
    @Column(name = "latest_version", nullable = false)
    private int latestVersion;
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected PipelineEntity() {
        // for JPA
    }

    /** A new pipeline whose first version is 1. */
    public static PipelineEntity created(UUID id, String tenantId, String name, String description, String createdBy,
            Instant now) {
        PipelineEntity pipeline = new PipelineEntity();
        pipeline.id = id;
        pipeline.tenantId = tenantId;
        pipeline.name = name;
        pipeline.description = description;
        pipeline.latestVersion = 1;
        pipeline.createdAt = now;
        pipeline.updatedAt = now;
        pipeline.createdBy = createdBy;
        return pipeline;
    }

    /** Records that version {@code latestVersion + 1} was added; returns its number. */
    public int addVersion(String description, Instant now) {
        this.latestVersion++;
        this.description = description;
        this.updatedAt = now;
        return latestVersion;
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int latestVersion() {
        return latestVersion;
    }

    public long rowVersion() {
        return rowVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
