-- Issue 7: tenants, their members, API tokens, and the audit log. Tenancy lives here and is authoritative: the
-- identity provider only bootstraps a user's first membership (see control-plane/README.md "Auth and tenancy").

-- A tenant. The id is a slug (it prefixes the tenant's Kafka topics, so it stays short and DNS/topic safe).
CREATE TABLE tenant (
    id             VARCHAR(63)  PRIMARY KEY CHECK (id ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$'),
    display_name   TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);

-- A user's membership in a tenant. user_id is the OIDC subject. A removed member keeps its row with removed_at set:
-- that is what stops the just-in-time bootstrap from re-adding someone an admin removed.
CREATE TABLE member (
    tenant_id      VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    user_id        TEXT         NOT NULL,
    username       TEXT         NOT NULL,
    role           VARCHAR(10)  NOT NULL CHECK (role IN ('VIEWER', 'EDITOR', 'ADMIN')),
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    removed_at     TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX member_user_idx ON member (user_id);

-- A Millrace API token. Only the SHA-256 of the secret is stored; the prefix is what people recognise it by.
CREATE TABLE api_token (
    id             UUID         PRIMARY KEY,
    tenant_id      VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    name           TEXT         NOT NULL,
    created_by     TEXT         NOT NULL,
    -- Comma-separated, lower case, of: read, write, admin.
    scopes         TEXT         NOT NULL,
    secret_sha256  CHAR(64)     NOT NULL,
    prefix         VARCHAR(16)  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL,
    revoked_at     TIMESTAMPTZ,
    last_used_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX api_token_secret_idx ON api_token (secret_sha256);
CREATE INDEX api_token_tenant_idx ON api_token (tenant_id, created_at);

-- One entry per API write, written in the write's own transaction. The id orders entries (newest first paging).
CREATE TABLE audit_entry (
    id              BIGSERIAL    PRIMARY KEY,
    tenant_id       VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    at              TIMESTAMPTZ  NOT NULL,
    actor_user_id   TEXT         NOT NULL,
    actor_token_id  UUID,
    action          TEXT         NOT NULL,
    resource_type   TEXT         NOT NULL,
    resource_id     TEXT         NOT NULL,
    before_hash     TEXT,
    after_hash      TEXT
);
CREATE INDEX audit_entry_tenant_idx ON audit_entry (tenant_id, id DESC);
