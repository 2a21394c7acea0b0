/**
 * Pipelines: a tenant's named specs with immutable versions. {@code persistence} maps {@code pipeline} and
 * {@code pipeline_version} (V5; versions are insert-only, a trigger refuses UPDATE); {@code service} applies specs
 * idempotently (same text → no version, no audit entry), checks ETags, validates with pipeline-spec (located errors),
 * and serves the spec examples; {@code diff} renders version diffs; {@code rest} is {@code /api/v1/pipelines} (CRUD,
 * versions, diff, {@code :validate}, {@code :plan}, deploy) and {@code /api/v1/catalog}. Deploying hands a version to
 * the job service; the job REST layer is {@code job.rest}.
 */
package io.millrace.controlplane.pipeline;
