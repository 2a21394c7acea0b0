/**
 * Quarkus test resources ({@code @QuarkusTestResource(PostgresResource.class)} and siblings) that hand a Quarkus test
 * the JVM's shared local servers as configuration. They never stop the servers: {@link
 * io.millrace.localstack.SharedServers} does, when the JVM exits.
 */
package io.millrace.localstack.quarkus;
