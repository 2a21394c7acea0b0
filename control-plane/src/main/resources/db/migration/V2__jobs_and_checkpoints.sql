-- Issue 5: jobs, their state history, and checkpoint metadata with the tasks' opaque states.

-- Where peers reach a worker's DataExchange service (RegisterWorker.data_address, protocol 1.1). Empty for a 1.0 worker.
ALTER TABLE worker ADD COLUMN data_address VARCHAR(300) NOT NULL DEFAULT '';

-- A job: one submitted spec, deployed as a sequence of attempts. Tenant-owned: every query filters by tenant_id.
CREATE TABLE job (
    id                         UUID         PRIMARY KEY,
    tenant_id                  TEXT         NOT NULL,
    name                       TEXT         NOT NULL,
    spec                       TEXT         NOT NULL,
    spec_format                VARCHAR(4)   NOT NULL CHECK (spec_format IN ('JSON', 'YAML')),
    -- The physical plan of the current (or next) attempt, io.millrace.spec.plan.PlanCodec JSON.
    plan_json                  TEXT         NOT NULL,
    -- Parallelism override (null: the spec's own).
    parallelism                INTEGER      CHECK (parallelism IS NULL OR parallelism > 0),
    state                      VARCHAR(20)  NOT NULL CHECK (state IN ('CREATED', 'SCHEDULED', 'RUNNING', 'FAILING',
                                   'RESTARTING', 'CANCELLING', 'CANCELED', 'FINISHED', 'FAILED')),
    state_reason               TEXT,
    state_changed_at           TIMESTAMPTZ  NOT NULL,
    -- The attempt deployed last; 0 before the first deployment.
    attempt                    BIGINT       NOT NULL DEFAULT 0 CHECK (attempt >= 0),
    -- io.millrace.controlplane.job.restart.RestartPolicy as JSON.
    restart_strategy           TEXT         NOT NULL,
    checkpoint_interval_ms     BIGINT       NOT NULL CHECK (checkpoint_interval_ms > 0),
    checkpoint_timeout_ms      BIGINT       NOT NULL CHECK (checkpoint_timeout_ms > 0),
    failure_count              INTEGER      NOT NULL DEFAULT 0,
    last_failure               TEXT,
    last_failure_at            TIMESTAMPTZ,
    -- Checkpoint ids grow across attempts and never repeat (the checkpoint store is addressed by them).
    last_checkpoint_id         BIGINT       NOT NULL DEFAULT 0,
    -- Resume: the first attempt restores from this checkpoint/savepoint of another (or the same) job.
    restore_job_id             UUID,
    restore_checkpoint_id      BIGINT,
    created_at                 TIMESTAMPTZ  NOT NULL,
    updated_at                 TIMESTAMPTZ  NOT NULL,
    version                    BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX job_tenant_created_idx ON job (tenant_id, created_at);
CREATE INDEX job_state_idx ON job (state);

-- Every state change of a job, for operators (what happened when, and why).
CREATE TABLE job_transition (
    id          BIGSERIAL    PRIMARY KEY,
    job_id      UUID         NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    tenant_id   TEXT         NOT NULL,
    from_state  VARCHAR(20),
    to_state    VARCHAR(20)  NOT NULL,
    attempt     BIGINT       NOT NULL,
    reason      TEXT,
    at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX job_transition_job_idx ON job_transition (job_id, id);

-- A checkpoint or savepoint that completed (COMPLETED) or was given up (FAILED). Rows are written once the outcome is
-- known: a COMPLETED row and all its task states commit in one transaction.
CREATE TABLE checkpoint (
    job_id           UUID         NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    checkpoint_id    BIGINT       NOT NULL,
    tenant_id        TEXT         NOT NULL,
    attempt          BIGINT       NOT NULL,
    kind             VARCHAR(10)  NOT NULL CHECK (kind IN ('CHECKPOINT', 'SAVEPOINT')),
    final            BOOLEAN      NOT NULL DEFAULT FALSE,
    status           VARCHAR(10)  NOT NULL CHECK (status IN ('COMPLETED', 'FAILED')),
    created_at       TIMESTAMPTZ  NOT NULL,
    completed_at     TIMESTAMPTZ,
    state_size       BIGINT       NOT NULL DEFAULT 0,
    failure_reason   TEXT,
    -- False once a restore from it failed (files missing or corrupt): recovery then falls back to an older one.
    usable           BOOLEAN      NOT NULL DEFAULT TRUE,
    unusable_reason  TEXT,
    PRIMARY KEY (job_id, checkpoint_id)
);
CREATE INDEX checkpoint_tenant_job_idx ON checkpoint (tenant_id, job_id);

-- The opaque snapshot (CheckpointAck.task_state) of every task of a completed checkpoint.
CREATE TABLE checkpoint_task_state (
    job_id         UUID     NOT NULL,
    checkpoint_id  BIGINT   NOT NULL,
    chain_id       TEXT     NOT NULL,
    subtask        INTEGER  NOT NULL,
    task_state     BYTEA    NOT NULL,
    PRIMARY KEY (job_id, checkpoint_id, chain_id, subtask),
    FOREIGN KEY (job_id, checkpoint_id) REFERENCES checkpoint (job_id, checkpoint_id) ON DELETE CASCADE
);
