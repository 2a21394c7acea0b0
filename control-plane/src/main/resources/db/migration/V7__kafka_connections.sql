-- Issue 6 item 6: Kafka cluster connections an admin grants to a tenant's pipelines.

-- One named external Kafka cluster of a tenant. Tenant-owned: every query filters by tenant_id.
-- client_properties holds the kafka-clients properties (credentials, TLS material) ENCRYPTED: a JSON object
-- property name -> base64(96-bit nonce || AES-256-GCM ciphertext and tag), each value with its own nonce and bound to
-- (tenant, connection, property) as associated data. key_id names the key (millrace.secrets.key) that encrypted them.
CREATE TABLE kafka_connection (
    id                      UUID         PRIMARY KEY,
    tenant_id               TEXT         NOT NULL,
    name                    TEXT         NOT NULL CHECK (name ~ '^[a-z][a-z0-9-]{0,62}$'),
    bootstrap_servers       TEXT         NOT NULL,
    client_properties       TEXT         NOT NULL,
    key_id                  TEXT         NOT NULL,
    -- Comma-separated topic prefixes the tenant's pipelines may use on this cluster; NULL: any topic.
    allowed_topic_prefixes  TEXT,
    created_by              TEXT         NOT NULL,
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_by              TEXT         NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    CONSTRAINT kafka_connection_tenant_name_key UNIQUE (tenant_id, name)
);
