import { describe, expect, it } from 'vitest';
import { mergeDerived } from './Canvas';
import type { PipelineFlowNode } from './PipelineNodeView';

const node = (id: string, x: number, extra: Partial<PipelineFlowNode> = {}): PipelineFlowNode => ({
  id,
  type: 'pipeline',
  position: { x, y: 0 },
  data: { id, type: 'map', kind: undefined, errors: [] },
  ...extra,
});

describe("the canvas's copy of the nodes after a spec change", () => {
  it('keeps React Flow\'s own objects for unchanged nodes, gives changed ones their measured size, takes new ones', () => {
    const a = node('a', 0);
    const b = node('b', 10);
    const basis = [a, b];
    // React Flow measured both and is dragging a (a local position the spec does not have yet).
    const shownA = { ...a, position: { x: 5, y: 0 }, measured: { width: 200, height: 64 } };
    const shownB = { ...b, measured: { width: 200, height: 80 } };
    const movedB = node('b', 99);
    const c = node('c', 20);
    const merged = mergeDerived([shownA, shownB], basis, [a, movedB, c]);
    expect(merged[0]).toBe(shownA);
    expect(merged[1]).toEqual({ ...movedB, measured: { width: 200, height: 80 } });
    expect(merged[2]).toBe(c);
    expect(mergeDerived([shownA, shownB], basis, [movedB]).map((n) => n.id)).toEqual(['b']);
  });
});
