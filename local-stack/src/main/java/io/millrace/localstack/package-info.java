/**
 * Real PostgreSQL, Kafka (KRaft), Keycloak and S3 (S3Mock) as local processes, for integration tests and local mode.
 *
 * <p>Entry points: the launchers ({@link io.millrace.localstack.PostgresLauncher} and siblings, each returning an
 * {@code AutoCloseable} server handle), {@link io.millrace.localstack.SharedServers} (one server of each kind per
 * JVM), the JUnit annotations ({@link io.millrace.localstack.WithPostgres} and siblings), the Quarkus test resources
 * in {@code io.millrace.localstack.quarkus}, {@link io.millrace.localstack.KeycloakTokens} and the command line
 * {@link io.millrace.localstack.LocalStackCli}. Depends on no other Millrace module; used only by tests and by local
 * mode, never by main code of other modules. Never uses Docker.
 */
package io.millrace.localstack;
