/**
 * Tenants and their members. The database is authoritative for membership; the identity provider only bootstraps a
 * user's first membership (JWT claim {@code tenant} + highest realm role, see {@code MembershipResolver}).
 * {@code persistence} holds the entities and tenant-scoped repositories, {@code service} the rules (last admin,
 * audit), {@code rest} {@code /api/v1/tenants} and {@code /api/v1/members}.
 */
package io.millrace.controlplane.tenant;
