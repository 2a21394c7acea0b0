/**
 * Previews on this worker (protocol 1.4): {@code RunPreview} from the control plane runs the engine's {@link
 * io.millrace.engine.preview.PreviewRunner} on a small bounded pool of its own ({@code millrace.worker.preview.*}), off
 * the gateway thread and apart from job tasks, and answers with exactly one {@code PreviewResult}. A preview uses no
 * slot; the pool's size bounds what previews can take from jobs, and a full queue answers "busy" at once.
 */
package io.millrace.worker.preview;
