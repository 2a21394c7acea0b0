/**
 * Auto-layout with ELK's layered algorithm (left to right, like data flows). Pure and asynchronous: it takes the
 * graph and returns a position per node id; the caller writes them into `metadata.layout`.
 */
import type { ELK as ElkEngine, ElkNode } from 'elkjs/lib/elk-api';
import type { PipelineGraph } from '../spec/graph';
import type { Position } from '../spec/specModel';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 64;

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '32',
  'elk.layered.spacing.nodeNodeBetweenLayers': '72',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

// ELK is large (~1.5 MB): loaded on the first layout, then one instance per page (it keeps no graph between calls).
let elk: Promise<ElkEngine> | null = null;

function engine(): Promise<ElkEngine> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return elk;
}

export async function autoLayout(graph: PipelineGraph): Promise<Record<string, Position>> {
  const root: ElkNode = {
    id: '__root',
    layoutOptions: LAYOUT_OPTIONS,
    children: graph.nodes.map((node) => ({ id: node.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: graph.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  };
  const laidOut = await (await engine()).layout(root);
  const positions: Record<string, Position> = {};
  for (const child of laidOut.children ?? []) positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  return positions;
}
