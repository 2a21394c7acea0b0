/**
 * Auto-layout with ELK's layered algorithm (left to right, like data flows). Pure and asynchronous: it takes the
 * graph and returns a position per node id; the caller writes them into `metadata.layout`.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
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

// One ELK instance per page: it holds no graph state between calls, only its compiled algorithm.
const elk = new ELK();

export async function autoLayout(graph: PipelineGraph): Promise<Record<string, Position>> {
  const root: ElkNode = {
    id: '__root',
    layoutOptions: LAYOUT_OPTIONS,
    children: graph.nodes.map((node) => ({ id: node.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: graph.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  };
  const laidOut = await elk.layout(root);
  const positions: Record<string, Position> = {};
  for (const child of laidOut.children ?? []) positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  return positions;
}
