-- Issue 7: pipelines with immutable versions; jobs remember which version they run.

-- A pipeline: a tenant's named spec (name = the spec's metadata.name), with the newest version number. Tenant-owned:
-- every query filters by tenant_id.
CREATE TABLE pipeline (
    id              UUID         PRIMARY KEY,
    tenant_id       TEXT         NOT NULL,
    name            TEXT         NOT NULL,
    description     TEXT,
    latest_version  INTEGER      NOT NULL CHECK (latest_version >= 1),
    -- Optimistic concurrency: the ETag of the pipeline is derived from it (If-Match on PUT and DELETE).
    row_version     BIGINT       NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    created_by      TEXT         NOT NULL,
    CONSTRAINT pipeline_tenant_name_key UNIQUE (tenant_id, name)
);

-- One version of a pipeline's spec, exactly as it was sent. Immutable: the application has no UPDATE path and the
-- trigger below refuses one from anywhere else. Versions go when their pipeline is deleted.
CREATE TABLE pipeline_version (
    pipeline_id  UUID         NOT NULL REFERENCES pipeline (id) ON DELETE CASCADE,
    version      INTEGER      NOT NULL CHECK (version >= 1),
    tenant_id    TEXT         NOT NULL,
    spec         TEXT         NOT NULL,
    spec_format  VARCHAR(4)   NOT NULL CHECK (spec_format IN ('JSON', 'YAML')),
    -- SHA-256 of the spec text (UTF-8), lower-case hex: an apply of the same text adds no version.
    spec_hash    CHAR(64)     NOT NULL,
    author       TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (pipeline_id, version)
);
CREATE INDEX pipeline_version_tenant_idx ON pipeline_version (tenant_id, pipeline_id);

CREATE FUNCTION pipeline_version_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'pipeline_version rows are immutable (pipeline %, version %): apply a new version instead',
        OLD.pipeline_id, OLD.version;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER pipeline_version_no_update BEFORE UPDATE ON pipeline_version
    FOR EACH ROW EXECUTE FUNCTION pipeline_version_is_immutable();

-- Jobs deployed from a pipeline version name it; jobs submitted as raw specs leave both null. No foreign key: a
-- deleted pipeline's ended jobs keep naming what they ran (deleting is refused while one of its jobs is live).
ALTER TABLE job ADD COLUMN pipeline_id UUID;
ALTER TABLE job ADD COLUMN pipeline_version INTEGER CHECK (pipeline_version IS NULL OR pipeline_version >= 1);
ALTER TABLE job ADD CONSTRAINT job_pipeline_version_pair CHECK ((pipeline_id IS NULL) = (pipeline_version IS NULL));
-- What the user asked for: RUNNING until a stop/cancel, then STOPPED. The actual state is job.state.
ALTER TABLE job ADD COLUMN desired_state VARCHAR(10) NOT NULL DEFAULT 'RUNNING'
    CHECK (desired_state IN ('RUNNING', 'STOPPED'));
CREATE INDEX job_tenant_pipeline_idx ON job (tenant_id, pipeline_id);
