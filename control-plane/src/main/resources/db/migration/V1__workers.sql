-- Workers the control plane has seen. Cluster-wide (not tenant-owned): no tenant_id.
CREATE TABLE worker (
    id                VARCHAR(253) PRIMARY KEY,
    host              VARCHAR(253) NOT NULL,
    slots             INTEGER      NOT NULL CHECK (slots > 0),
    free_slots        INTEGER      NOT NULL CHECK (free_slots >= 0 AND free_slots <= slots),
    memory_bytes      BIGINT       NOT NULL CHECK (memory_bytes >= 0),
    build_version     VARCHAR(100) NOT NULL,
    protocol_version  VARCHAR(20)  NOT NULL,
    state             VARCHAR(20)  NOT NULL CHECK (state IN ('CONNECTED', 'LOST', 'DISCONNECTED')),
    -- The gRPC stream the row belongs to: a late close of a replaced stream must not mark the new one DISCONNECTED.
    session_id        UUID         NOT NULL,
    registered_at     TIMESTAMPTZ  NOT NULL,
    last_heartbeat_at TIMESTAMPTZ  NOT NULL
);

-- The deadline monitor scans CONNECTED workers by heartbeat age every second.
CREATE INDEX worker_state_last_heartbeat_idx ON worker (state, last_heartbeat_at);
