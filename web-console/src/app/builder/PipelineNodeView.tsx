/** How a spec node looks on the canvas: id, kind, input ports (named for joins) and output ports (side outputs). */
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { memo } from 'react';
import type { NodeKind } from '../catalog/nodeKinds';

/**
 * Only what the node draws: a spec edit elsewhere (a setting, a line shift) leaves this, and so the canvas node,
 * unchanged, which is what keeps an edit on a 200-node pipeline from redrawing every node.
 */
export type PipelineNodeData = {
  readonly id: string;
  readonly type: string;
  readonly kind: NodeKind | undefined;
  readonly errors: readonly string[];
};

export type PipelineFlowNode = Node<PipelineNodeData, 'pipeline'>;

export const MAIN_OUTPUT = 'out';
export const SINGLE_INPUT = 'in';

export function inputHandleId(index: number): string {
  return `in-${index}`;
}

function PipelineNodeViewImpl({ data, selected }: NodeProps<PipelineFlowNode>) {
  const { errors, kind } = data;
  const node = data;
  const role = kind?.role ?? 'unknown';
  const ports = kind?.inputPorts ?? [];
  const outputs = role === 'sink' ? [...(kind?.sideOutputs ?? [])] : [MAIN_OUTPUT, ...(kind?.sideOutputs ?? [])];
  return (
    <div
      className={`pipeline-node role-${role}${errors.length > 0 ? ' has-errors' : ''}${selected ? ' selected' : ''}`}
      title={errors.length > 0 ? errors.join('\n') : kind?.description}
      aria-label={`${node.id}, ${node.type || 'no type'}${errors.length > 0 ? `, ${errors.length} error${errors.length > 1 ? 's' : ''}` : ''}`}
    >
      {ports.length > 0
        ? ports.map((port, i) => (
            <Handle key={port} id={inputHandleId(i)} type="target" position={Position.Left} style={{ top: `${((i + 1) * 100) / (ports.length + 1)}%` }}>
              <span className="port-label port-in">{port}</span>
            </Handle>
          ))
        : (kind === undefined || kind.maxInputs > 0) && <Handle id={SINGLE_INPUT} type="target" position={Position.Left} />}
      <div className="node-id">{node.id}</div>
      <div className="node-type">{node.type || '(no type)'}</div>
      {errors.length > 0 && (
        <div className="node-errors" role="status">
          {errors.length} error{errors.length > 1 ? 's' : ''}: {errors[0]}
        </div>
      )}
      {outputs.map((port, i) => (
        <Handle key={port} id={port} type="source" position={Position.Right} style={{ top: `${((i + 1) * 100) / (outputs.length + 1)}%` }} className={port === MAIN_OUTPUT ? undefined : 'side-output'}>
          {port !== MAIN_OUTPUT && <span className="port-label port-out">{port}</span>}
        </Handle>
      ))}
    </div>
  );
}

export const PipelineNodeView = memo(PipelineNodeViewImpl);
