/**
 * Admin-granted Kafka cluster connections of a tenant (issue 6 item 6): a named external cluster (bootstrap servers),
 * its client properties (credentials, TLS material) stored encrypted with AES-GCM under {@code millrace.secrets.key},
 * and optional topic prefixes the tenant's pipelines may use on it. Owns: {@code crypto} (the cipher, pure),
 * {@code persistence} (table {@code kafka_connection}), {@code service} (validation, CRUD with audit, the grants the
 * submit-time policy reads, the decrypted connections a deployment carries), {@code rest}
 * ({@code /api/v1/kafka-connections}). Secret values never leave this package except inside a deployment message to
 * a worker; the API answers property names with {@code "***"}, logs never name a value.
 */
package io.millrace.controlplane.connection;
