/**
 * The per-node state diff of an upgrade, in the JSON shape of pipeline-spec's `StateDiff` (pipeline-spec/README.md
 * "State diff"). The control plane does not send it yet; the deploy dialog reads it from a deploy answer (or a 409
 * problem) that carries `stateDiff`, so the panel lights up without console changes once it does.
 */
export type StateChange = 'KEPT' | 'COMPATIBLE' | 'DROPPED' | 'NEW' | 'STATELESS';

export interface DeclaredState {
  readonly name: string;
  readonly scope?: string;
  readonly kind?: string;
}

export interface NodeStateDiff {
  readonly nodeId: string;
  readonly change: StateChange;
  readonly reason?: string;
  readonly before?: readonly DeclaredState[];
  readonly after?: readonly DeclaredState[];
}

export interface StateDiff {
  readonly nodes: readonly NodeStateDiff[];
}

const CHANGES: readonly StateChange[] = ['DROPPED', 'COMPATIBLE', 'NEW', 'KEPT', 'STATELESS'];

/** A `stateDiff` found in a deploy answer or problem, checked for shape; anything else is null (no panel). */
export function readStateDiff(body: unknown): StateDiff | null {
  if (typeof body !== 'object' || body === null) return null;
  const candidate = (body as { stateDiff?: unknown }).stateDiff;
  if (typeof candidate !== 'object' || candidate === null) return null;
  const nodes = (candidate as { nodes?: unknown }).nodes;
  if (!Array.isArray(nodes)) return null;
  const valid = nodes.filter(
    (n): n is NodeStateDiff => typeof n === 'object' && n !== null && typeof (n as NodeStateDiff).nodeId === 'string' && CHANGES.includes((n as NodeStateDiff).change),
  );
  return { nodes: valid };
}

export function droppedNodes(diff: StateDiff): readonly NodeStateDiff[] {
  return diff.nodes.filter((n) => n.change === 'DROPPED');
}

/** Dropped first (what needs a decision), then the rest in a stable order. */
export function orderedForReview(diff: StateDiff): NodeStateDiff[] {
  return [...diff.nodes].sort((a, b) => CHANGES.indexOf(a.change) - CHANGES.indexOf(b.change) || a.nodeId.localeCompare(b.nodeId));
}

export function stateNames(states: readonly DeclaredState[] | undefined): string {
  return states && states.length > 0 ? states.map((s) => s.name).join(', ') : '—';
}
