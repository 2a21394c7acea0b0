/**
 * Where checkpoints and savepoints are stored: {@link
 * io.millrace.engine.checkpoint.store.CheckpointStore}, an object store addressed by relative
 * paths, opened from a URI by {@link io.millrace.engine.checkpoint.store.CheckpointStores}:
 * {@code file:///dir} (default), {@code s3://bucket/prefix}, and {@code gs://bucket/prefix} through
 * the same S3 code path against GCS's S3-compatible endpoint (HMAC keys).
 *
 * <p>Layout convention used by the state backends: {@code shared/} holds files referenced by
 * several incremental checkpoints (content-addressed names); everything else lives under the
 * checkpoint's or savepoint's own path.
 *
 * <p>Owned by the engine-state work stream.
 */
package io.millrace.engine.checkpoint.store;
