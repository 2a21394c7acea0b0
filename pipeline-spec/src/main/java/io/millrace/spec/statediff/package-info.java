/**
 * The per-node state diff between two versions of a pipeline (DESIGN.md §8.1), from specs alone so
 * the control plane can show it before a deploy without the engine.
 *
 * <p>Every node kind declares, from its validated settings, the states it keeps ({@link
 * io.millrace.spec.statediff.NodeStateModel}, hung off {@code NodeKindDescriptor#stateModel()}; the
 * built-in operators' models are {@link io.millrace.spec.statediff.BuiltinStateModels}): for each a
 * {@link io.millrace.spec.statediff.DeclaredState} with the engine's address (name, kind, serializer
 * version), the settings that shape its stored layout and those that only shape behaviour, and a
 * layout fingerprint. {@link io.millrace.spec.statediff.StateDiffer#diff} matches states by node id
 * and name and says per node KEPT, COMPATIBLE, DROPPED, NEW or STATELESS, with a reason a user can
 * read ({@link io.millrace.spec.statediff.StateDiff}; plain records, serialised as JSON by the control
 * plane). The engine's {@code DeclaredStatesMatchSnapshotsTest} checks the declarations against what
 * real snapshots contain.
 */
package io.millrace.spec.statediff;
