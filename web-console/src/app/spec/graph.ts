/**
 * The spec as a graph: one node per spec node (the spec's id is the graph id), one edge per input reference. Edges
 * carry the source port (main output or a side output such as `late`) and the target input index (the port of a
 * join: left = 0, right = 1). A reference to a node that does not exist yields no edge but stays in the node's
 * inputs, so nothing the user wrote is lost when the graph is written back.
 */
import type { NodeKind } from '../catalog/nodeKinds';
import type { InputRef, Position, SpecNode, SpecView } from './specModel';

export interface GraphNode {
  readonly id: string;
  readonly hasId: boolean;
  readonly type: string;
  readonly kind: NodeKind | undefined;
  readonly inputs: readonly InputRef[];
  readonly settings: SpecNode['settings'];
  /** From `metadata.layout`; null until laid out. */
  readonly position: Position | null;
  readonly line: number;
}

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly sourcePort: string | null;
  readonly target: string;
  readonly targetIndex: number;
}

export interface PipelineGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export function edgeId(target: string, index: number): string {
  return `${target}:${index}`;
}

export function toGraph(view: SpecView, kinds: ReadonlyMap<string, NodeKind>): PipelineGraph {
  const ids = new Set(view.nodes.map((n) => n.id));
  const nodes = view.nodes.map<GraphNode>((node) => ({
    id: node.id,
    hasId: node.hasId,
    type: node.type,
    kind: kinds.get(node.type),
    inputs: node.inputs,
    settings: node.settings,
    position: view.layout[node.id] ?? null,
    line: node.line,
  }));
  const edges = view.nodes.flatMap((node) =>
    node.inputs.flatMap((input, index) =>
      ids.has(input.node) ? [{ id: edgeId(node.id, index), source: input.node, sourcePort: input.port, target: node.id, targetIndex: index }] : [],
    ),
  );
  return { nodes, edges };
}

export function needsLayout(graph: PipelineGraph): boolean {
  return graph.nodes.some((node) => node.position === null);
}
