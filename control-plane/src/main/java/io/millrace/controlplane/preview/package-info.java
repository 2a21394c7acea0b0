/**
 * Pipeline preview (DESIGN.md §8.2) and schema inference for the console.
 *
 * <p>{@code POST /api/v1/pipelines:preview} validates the spec here (400 with located errors), then asks ONE live
 * worker speaking protocol ≥ 1.4 to run it in its sandbox ({@code RunPreview} over the worker's gateway session: the
 * control plane never runs operators) and waits for its {@code PreviewResult} (correlated by preview id in {@link
 * io.millrace.controlplane.preview.service.PendingPreviews}). Nothing is stored: a preview writes nothing, so a viewer
 * may run it and there is no audit entry. {@code POST /api/v1/pipelines:infer-schema} infers a source schema from
 * samples with pipeline-spec's {@code SchemaInference}.
 *
 * <p>Layout: {@code config} (limits, {@code millrace.preview.*}), {@code service} (request checks, worker choice,
 * pending answers), {@code rest} (resources and API bodies).
 */
package io.millrace.controlplane.preview;
