-- Issue 7 item 3: safe upgrades of stateful pipelines.

-- State the user confirmed dropping when a job restores the savepoint named by restore_job_id/restore_checkpoint_id:
-- a JSON array [{"nodeId": "...", "stateName": "..."}] ("" = every state of the node). NULL: restore everything.
ALTER TABLE job ADD COLUMN restore_dropped_states TEXT;

-- One upgrade of a running pipeline to another version: stop-with-savepoint of from_job, to_job restoring that savepoint,
-- then watched for a grace period and rolled back (rollback_job = from_version resumed from the same savepoint) when
-- to_job fails. Tenant-owned: every query filters by tenant_id.
CREATE TABLE pipeline_upgrade (
    id               UUID         PRIMARY KEY,
    tenant_id        TEXT         NOT NULL,
    pipeline_id      UUID         NOT NULL REFERENCES pipeline (id) ON DELETE CASCADE,
    pipeline_name    TEXT         NOT NULL,
    from_job_id      UUID         NOT NULL,
    from_version     INTEGER      NOT NULL CHECK (from_version >= 1),
    to_version       INTEGER      NOT NULL CHECK (to_version >= 1),
    -- Set once the new job exists (null while the old job is being stopped with a savepoint).
    to_job_id        UUID,
    savepoint_id     BIGINT,
    dropped_states   TEXT         NOT NULL DEFAULT '[]',
    rollback_job_id  UUID,
    state            VARCHAR(12)  NOT NULL CHECK (state IN ('IN_PROGRESS', 'SUCCEEDED', 'ROLLED_BACK', 'FAILED')),
    reason           TEXT,
    requested_by     TEXT         NOT NULL,
    started_at       TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ  NOT NULL,
    row_version      BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX pipeline_upgrade_tenant_pipeline_idx ON pipeline_upgrade (tenant_id, pipeline_id, started_at DESC);
-- At most one upgrade of a pipeline in progress: a second deploy racing the first fails on this key.
CREATE UNIQUE INDEX pipeline_upgrade_one_in_progress ON pipeline_upgrade (pipeline_id) WHERE state = 'IN_PROGRESS';
