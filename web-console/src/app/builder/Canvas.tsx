/**
 * The graph side of the builder (React Flow). It shows the spec's graph and turns user gestures into spec edits
 * through callbacks; dragging moves nodes locally and writes positions once the drag ends.
 */
import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import type { GraphNode, PipelineGraph } from '../spec/graph';
import type { Position } from '../spec/specModel';
import { DRAG_TYPE } from './Palette';
import { inputHandleId, MAIN_OUTPUT, PipelineNodeView, SINGLE_INPUT, type PipelineFlowNode } from './PipelineNodeView';

const NODE_TYPES = { pipeline: PipelineNodeView };

export interface CanvasProps {
  readonly graph: PipelineGraph;
  readonly positions: Readonly<Record<string, Position>>;
  readonly errorsByNode: ReadonlyMap<string, readonly string[]>;
  readonly readOnly: boolean;
  readonly selected: readonly string[];
  readonly onSelect: (ids: string[]) => void;
  readonly onMove: (positions: Record<string, Position>) => void;
  readonly onConnect: (source: string, sourcePort: string | null, target: string, targetIndex: number | undefined) => void;
  readonly onDeleteEdges: (edges: ReadonlyArray<{ target: string; index: number }>) => void;
  readonly onDeleteNodes: (ids: string[]) => void;
  readonly onDropKind: (type: string, position: Position) => void;
}

const ORIGIN: Position = { x: 0, y: 0 };
const NO_ERRORS: readonly string[] = [];

export function Canvas(props: CanvasProps) {
  const { graph, positions, errorsByNode, readOnly, selected } = props;
  const flow = useReactFlow();
  const selectedSet = useMemo(() => new Set(selected), [selected]);

  // The canvas nodes derived from the spec. A node whose look, place and selection did not change keeps its object,
  // so React Flow redraws only the nodes an edit touched (it compares node objects by identity).
  const previous = useRef(new Map<string, PipelineFlowNode>());
  const derived = useMemo<PipelineFlowNode[]>(() => {
    const next = new Map<string, PipelineFlowNode>();
    const list = graph.nodes.map((node) => {
      const flowNode = reuseOrBuild(previous.current.get(node.id), node, positions[node.id] ?? ORIGIN, errorsByNode.get(node.id) ?? NO_ERRORS, selectedSet.has(node.id), readOnly);
      next.set(node.id, flowNode);
      return flowNode;
    });
    previous.current = next;
    return list;
  }, [graph, positions, errorsByNode, selectedSet, readOnly]);

  // React Flow's own copy: it adds measured sizes and moves nodes while they are dragged. When the spec side changes,
  // nodes it did not change stay as React Flow has them, and changed ones keep their measured size (a node without
  // one is measured again, for every node, after every edit otherwise). Adjusted during render, not in an effect,
  // so an edit is one render, not two.
  const [nodes, setNodes] = useState(derived);
  const [basis, setBasis] = useState(derived);
  if (basis !== derived) {
    setBasis(derived);
    setNodes(mergeDerived(nodes, basis, derived));
  }

  // Edges likewise keep their objects while unchanged, so an edit does not redraw all of them.
  const previousEdges = useRef(new Map<string, Edge>());
  const edges = useMemo<Edge[]>(() => {
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const next = new Map<string, Edge>();
    const list = graph.edges.map((edge) => {
      const ports = byId.get(edge.target)?.kind?.inputPorts ?? [];
      const fresh: Edge = {
        id: edge.id,
        source: edge.source,
        sourceHandle: edge.sourcePort ?? MAIN_OUTPUT,
        target: edge.target,
        targetHandle: ports.length > 0 ? inputHandleId(edge.targetIndex) : SINGLE_INPUT,
        label: edge.sourcePort ?? undefined,
        className: edge.sourcePort ? 'side-output-edge' : undefined,
        deletable: !readOnly,
        ariaLabel: `${edge.source}${edge.sourcePort ? `.${edge.sourcePort}` : ''} to ${edge.target}`,
      };
      const old = previousEdges.current.get(edge.id);
      const kept = old && sameEdge(old, fresh) ? old : fresh;
      next.set(edge.id, kept);
      return kept;
    });
    previousEdges.current = next;
    return list;
  }, [graph, readOnly]);

  // Selection is the page's state; React Flow reports user selection as `select` changes. (Its onSelectionChange
  // also fires for nodes it has not caught up with yet, which would fight a selection the page just made.)
  const onNodesChange = useCallback(
    (changes: NodeChange<PipelineFlowNode>[]) => {
      setNodes((current) => applyNodeChanges(changes, current));
      const selects = changes.filter((c) => c.type === 'select');
      if (selects.length === 0) return;
      const next = new Set(selected);
      for (const change of selects) {
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
      if (next.size !== selected.length || selected.some((id) => !next.has(id))) props.onSelect([...next]);
    },
    [props, selected],
  );

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: PipelineFlowNode, dragged: PipelineFlowNode[]) => {
      // Store every node's place (not only the dragged ones), so that the layout in the spec is complete.
      const moved = new Map(dragged.map((n) => [n.id, n.position]));
      props.onMove(Object.fromEntries(nodes.map((n) => [n.id, moved.get(n.id) ?? n.position])));
    },
    [props, nodes],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const port = connection.sourceHandle && connection.sourceHandle !== MAIN_OUTPUT ? connection.sourceHandle : null;
      const index = connection.targetHandle?.startsWith('in-') ? Number(connection.targetHandle.slice(3)) : undefined;
      props.onConnect(connection.source, port, connection.target, index);
    },
    [props],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(DRAG_TYPE);
      if (!type || readOnly) return;
      event.preventDefault();
      props.onDropKind(type, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [flow, props, readOnly],
  );

  return (
    <div className="canvas" onDragOver={(e) => e.dataTransfer.types.includes(DRAG_TYPE) && (e.preventDefault(), (e.dataTransfer.dropEffect = 'copy'))} onDrop={onDrop}>
      <ReactFlow<PipelineFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onDelete={({ nodes: goneNodes, edges: goneEdges }) => {
          // Deleting a node also deletes its connections; removing the node removes those inputs already.
          const goneIds = new Set(goneNodes.map((n) => n.id));
          const cut = goneEdges.filter((e) => !goneIds.has(e.source) && !goneIds.has(e.target));
          if (cut.length > 0) props.onDeleteEdges(cut.map((e) => ({ target: e.target, index: Number(e.id.slice(e.id.lastIndexOf(':') + 1)) })));
          if (goneIds.size > 0) props.onDeleteNodes([...goneIds]);
        }}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        nodesConnectable={!readOnly}
        fitView
        minZoom={0.1}
        onlyRenderVisibleElements={graph.nodes.length > 100}
        aria-label="Pipeline graph"
      >
        <Background />
        <MiniMap pannable zoomable ariaLabel="Overview of the graph" />
        <Controls />
      </ReactFlow>
    </div>
  );
}

function reuseOrBuild(old: PipelineFlowNode | undefined, node: GraphNode, position: Position, errors: readonly string[], selected: boolean, readOnly: boolean): PipelineFlowNode {
  const connectable = !readOnly && node.hasId;
  if (
    old &&
    old.data.type === node.type &&
    old.data.kind === node.kind &&
    sameStrings(old.data.errors, errors) &&
    old.position.x === position.x &&
    old.position.y === position.y &&
    old.selected === selected &&
    old.draggable === !readOnly &&
    old.connectable === connectable
  ) {
    return old;
  }
  const data = old && old.data.type === node.type && old.data.kind === node.kind && sameStrings(old.data.errors, errors) ? old.data : { id: node.id, type: node.type, kind: node.kind, errors };
  return { id: node.id, type: 'pipeline', position, data, selected, deletable: !readOnly, draggable: !readOnly, connectable };
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((item, i) => item === b[i]));
}

/** React Flow's nodes after the spec side moved from `basis` to `derived`. */
export function mergeDerived(current: readonly PipelineFlowNode[], basis: readonly PipelineFlowNode[], derived: readonly PipelineFlowNode[]): PipelineFlowNode[] {
  const shown = new Map(current.map((n) => [n.id, n]));
  const before = new Map(basis.map((n) => [n.id, n]));
  return derived.map((node) => {
    const mine = shown.get(node.id);
    if (!mine) return node;
    if (before.get(node.id) === node) return mine;
    return mine.measured ? { ...node, measured: mine.measured } : node;
  });
}

function sameEdge(a: Edge, b: Edge): boolean {
  return (
    a.source === b.source &&
    a.sourceHandle === b.sourceHandle &&
    a.target === b.target &&
    a.targetHandle === b.targetHandle &&
    a.label === b.label &&
    a.className === b.className &&
    a.deletable === b.deletable &&
    a.ariaLabel === b.ariaLabel
  );
}
