import { describe, expect, it } from 'vitest';
import { readyForEdits, setPositions, viewOf } from './specEdits';
import { parseSpec, readSpec, type Position } from './specModel';
import { parseCount } from './yamlParse';

// A move shows its text without a parse: its view is derived from the view before (movedView.ts). Each case checks
// that derived view against a real parse of the same text, and that no parse was spent before the parse on demand.

const FLOW_METADATA = `apiVersion: millrace.io/v1
kind: Pipeline
metadata: {name: moves, labels: {team: a}}  # owner
spec:
  nodes:
    - {id: a, type: kafka-source, topic: in, format: json}
    - id: b
      type: filter
      inputs: [a]
      expression: value.ok
    - {id: c, type: kafka-sink, inputs: [b], topic: out}
`;

const BLOCK_LAYOUT = `apiVersion: millrace.io/v1
kind: Pipeline
metadata:
  name: moves
  layout:
    a: {x: 0, y: 0}
    b: {x: 260, y: 0}
    stale: {x: 1, y: 2}
spec:
  nodes:
    - {id: a, type: kafka-source, topic: in, format: json}
    - {id: b, type: filter, inputs: [a], expression: value.ok}
    - {id: c, type: kafka-sink, inputs: [b], topic: out}
`;

// The nodes come first: the layout written below them moves no node's line.
const METADATA_LAST = `apiVersion: millrace.io/v1
kind: Pipeline
spec:
  nodes:
    - {id: a, type: kafka-source, topic: in, format: json}
    - {id: b, type: kafka-sink, inputs: [a], topic: out}
metadata:
  name: moves
`;

const ALL: Record<string, Position> = { a: { x: 0.4, y: 10 }, b: { x: 260, y: 10.6 }, c: { x: 520, y: 10 } };

/** Moves, then reads the result as the builder does; returns the parses spent on both. */
function moveAndRead(text: string, places: Record<string, Position>): { moved: string; parses: number } {
  viewOf(text); // on screen: read before the user acts
  const before = parseCount();
  const moved = setPositions(text, places);
  const read = readSpec(moved);
  if (!read.ok) throw new Error(`the moved text does not read:\n${moved}`);
  return { moved, parses: parseCount() - before };
}

function expectSameAsParsed(moved: string): void {
  const derived = readSpec(moved);
  const parsed = parseSpec(moved);
  expect(derived).toEqual(parsed);
}

describe('the view of a moved text, derived without a parse', () => {
  it('first move on a flow metadata: every place written, node lines shifted by the added lines', () => {
    const { moved, parses } = moveAndRead(FLOW_METADATA, ALL);
    expect(parses).toBe(0);
    expectSameAsParsed(moved);
    const view = viewOf(moved);
    expect(view.layout).toEqual({ a: { x: 0, y: 10 }, b: { x: 260, y: 11 }, c: { x: 520, y: 10 } });
    expect(view.nodes.map((n) => n.line)).toEqual([12, 13, 17]);
  });

  it('a later move of one node in a block layout keeps the other entries (an entry of no node too)', () => {
    const { moved, parses } = moveAndRead(BLOCK_LAYOUT, { b: { x: 300, y: 40 } });
    expect(parses).toBe(0);
    expectSameAsParsed(moved);
    expect(viewOf(moved).layout).toEqual({ a: { x: 0, y: 0 }, b: { x: 300, y: 40 }, stale: { x: 1, y: 2 } });
  });

  it('several moves at once rewrite the block, and a new id goes last', () => {
    const { moved, parses } = moveAndRead(BLOCK_LAYOUT, ALL);
    expect(parses).toBe(0);
    expectSameAsParsed(moved);
    expect(viewOf(moved).nodes.map((n) => n.line)).toEqual([12, 13, 14]);
  });

  it('a layout added after the nodes leaves their lines as they were', () => {
    const { moved, parses } = moveAndRead(METADATA_LAST, { a: { x: 5, y: 5 }, b: { x: 265, y: 5 } });
    expect(parses).toBe(0);
    expectSameAsParsed(moved);
    expect(viewOf(moved).nodes.map((n) => n.line)).toEqual([5, 6]);
  });

  it('a chain of moves reads right at every step', () => {
    let text = FLOW_METADATA;
    for (let i = 0; i < 5; i++) {
      text = moveAndRead(text, { ...ALL, b: { x: 260 + 40 * i, y: 10 * i } }).moved;
      expectSameAsParsed(text);
    }
    expect(viewOf(text).layout.b).toEqual({ x: 420, y: 40 });
  });

  it('parses when an id is placed twice (the edit changes the first entry, a read keeps the last)', () => {
    const twice = BLOCK_LAYOUT.replace('    stale: {x: 1, y: 2}\n', '    b: {x: 7, y: 7}\n');
    const { moved, parses } = moveAndRead(twice, { a: { x: 99, y: 99 } });
    expect(parses).toBe(1);
    expect(readSpec(moved)).toEqual(parseSpec(moved));
  });

  it('parses when the nodes share a line with the changed text (a one-line flow document)', () => {
    const oneLine = '{apiVersion: millrace.io/v1, kind: Pipeline, metadata: {name: m}, spec: {nodes: [{id: a, type: kafka-source, topic: t, format: json}]}}\n';
    const { moved, parses } = moveAndRead(oneLine, { a: { x: 3, y: 4 } });
    expect(parses).toBeGreaterThan(0);
    expect(readSpec(moved)).toEqual(parseSpec(moved));
  });

  it('the parse for the next edit is done on demand (readyForEdits), once', () => {
    const { moved } = moveAndRead(FLOW_METADATA, { ...ALL, c: { x: 777, y: 1 } });
    const before = parseCount();
    readyForEdits(moved);
    readyForEdits(moved);
    expect(parseCount() - before).toBe(1);
  });
});
