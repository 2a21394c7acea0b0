package io.millrace.controlplane.pipeline.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One version of a pipeline's spec (table {@code pipeline_version}): the text exactly as sent. Immutable: no setter,
 * Hibernate never updates it ({@link Immutable}), and a database trigger refuses an UPDATE from anywhere else.
 */
@Entity
@Immutable
@Table(name = "pipeline_version")
@IdClass(PipelineVersionEntity.Key.class)
public class PipelineVersionEntity {

    /** The composite key (pipeline id, version). */
    public static class Key implements Serializable {
        private UUID pipelineId;
        private int version;

        public Key() {
        }

        public Key(UUID pipelineId, int version) {
            this.pipelineId = pipelineId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.version == version && key.pipelineId.equals(pipelineId);
        }

        @Override
        public int hashCode() {
            return pipelineId.hashCode() * 31 + version;
        }
    }

    @Id
    @Column(name = "pipeline_id")
    private UUID pipelineId;
    @Id
    private int version;
    @Column(name = "tenant_id", nullable = false)
    private String tenantId;
    @Column(nullable = false)
    private String spec;
    @Column(name = "spec_format", nullable = false)
    private String specFormat;
    @Column(name = "spec_hash", nullable = false)
    private String specHash;
    @Column(nullable = false)
    private String author;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PipelineVersionEntity() {
        // for JPA
    }

    public PipelineVersionEntity(UUID pipelineId, int version, String tenantId, String spec, String specFormat,
            String specHash, String author, Instant createdAt) {
        this.pipelineId = pipelineId;
        this.version = version;
        this.tenantId = tenantId;
        this.spec = spec;
        this.specFormat = specFormat;
        this.specHash = specHash;
        this.author = author;
        this.createdAt = createdAt;
    }

    public UUID pipelineId() {
        return pipelineId;
    }

    public int version() {
        return version;
    }

    public String tenantId() {
        return tenantId;
    }

    public String spec() {
        return spec;
    }

    public String specFormat() {
        return specFormat;
    }

    public String specHash() {
        return specHash;
    }

    public String author() {
        return author;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
