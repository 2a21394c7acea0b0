/**
 * Preview: runs a validated plan once, in this process, on bounded sample input, and captures what every node
 * emits (DESIGN.md §8.2: "what the user previews is what runs").
 *
 * <p>Owns the sandbox rules: sources are replaced by bounded sources over the samples ({@code datagen-source}
 * without samples generates a bounded number of records; any other source without samples is refused before
 * anything starts, so Kafka or HTTP are never touched); every sink is replaced by a {@link
 * io.millrace.engine.preview.CaptureSink} (a preview never writes outside); every operator is wrapped by a tap
 * ({@link io.millrace.engine.preview.TappedOperators}) that records its main and side outputs, also inside
 * chains. The job is the engine's own {@link io.millrace.engine.runtime.LocalJob} at parallelism 1 (outputs in
 * input order) with the heap state backend in a temporary directory that is deleted afterwards; bounded input ends
 * with the final watermark, so event-time windows fire. Entry point: {@link
 * io.millrace.engine.preview.PreviewRunner}.
 */
package io.millrace.engine.preview;
