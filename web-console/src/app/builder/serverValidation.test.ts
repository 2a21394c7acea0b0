import { describe, expect, it } from 'vitest';
import { readSpec } from '../spec/specModel';
import { errorsByNode, nodeOfError } from './serverValidation';

const TEXT = `apiVersion: millrace.io/v1
kind: Pipeline
metadata: {name: p, layout: {b: {x: 1, y: 2}}}
spec:
  nodes:
    - {id: a, type: kafka-source, topic: t}
    - {id: b, type: filter, inputs: [a], expression: "value.x >"}
`;

describe('server validation errors', () => {
  const view = (() => {
    const read = readSpec(TEXT);
    if (!read.ok) throw new Error('test spec must parse');
    return read.view;
  })();

  it('belong to the node their pointer names, inside nodes or layout', () => {
    expect(nodeOfError({ path: '/spec/nodes/1/expression', line: 7, column: 51, message: 'syntax' }, view)).toBe('b');
    expect(nodeOfError({ path: '/spec/nodes/0', line: 6, column: 7, message: 'x' }, view)).toBe('a');
    expect(nodeOfError({ path: '/metadata/layout/b/x', line: 3, column: 30, message: 'x' }, view)).toBe('b');
    expect(nodeOfError({ path: '/spec/parallelism', line: 4, column: 1, message: 'x' }, view)).toBeNull();
  });

  it('are grouped per node', () => {
    const grouped = errorsByNode(
      [
        { path: '/spec/nodes/1/expression', line: 7, column: 51, message: 'e1' },
        { path: '/spec/nodes/1/inputs/0', line: 7, column: 36, message: 'e2' },
        { path: '/spec', line: 4, column: 1, message: 'no sink' },
      ],
      view,
    );
    expect([...grouped.keys()]).toEqual(['b']);
    expect(grouped.get('b')!.map((e) => e.message)).toEqual(['e1', 'e2']);
  });
});
