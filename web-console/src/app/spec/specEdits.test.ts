import { describe, expect, it } from 'vitest';
import { addNode, connect, copyNodes, disconnect, pasteNodes, removeNodes, renameNode, setNodeSettings, setPositions } from './specEdits';
import { parseDocument } from 'yaml';
import { readSpec } from './specModel';
import { setIn, setMany, YamlEditError } from './yamlEdit';
import { parseCount } from './yamlParse';

const WORD_COUNT = `apiVersion: millrace.io/v1
kind: Pipeline
metadata: {name: word-count}
spec:
  parallelism: 2
  nodes:
    # read the lines
    - {id: lines, type: kafka-source, topic: input-text, format: text}
    - {id: words, type: flat-map, inputs: [lines], expression: "value.split(' ')"}
    - {id: counts, type: window-aggregate, inputs: [words],
       keyBy: "value.lowerAscii()", window: {type: tumbling, size: 10s},
       aggregates: [{name: count, fn: count}]}
    - {id: out, type: kafka-sink, inputs: [counts], topic: word-count-output}  # the result
`;

const BLOCK = `apiVersion: millrace.io/v1
kind: Pipeline
metadata:
  name: anomalies
  layout:
    metrics: {x: 40, y: 80}
    alerts: {x: 300, y: 80}
spec:
  nodes:
    - id: metrics
      type: kafka-source
      # the topic the agents write
      topic: machine-metrics
      watermark: {timestamp: value.at, maxOutOfOrderness: 5s}
    - id: alerts
      type: kafka-sink
      inputs:
        - metrics
      topic: load-alerts
`;

/** The lines of `after` that are not in `before`, and the reverse, as a compact diff. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((line) => !a.includes(line)), removed: a.filter((line) => !b.includes(line)) };
}

describe('adding a node', () => {
  it('appends one flow-style item after the last node, with a fresh id and its inputs', () => {
    const { text, id } = addNode(WORD_COUNT, { type: 'filter', inputs: [{ node: 'counts', port: null }], settings: { expression: 'value.count > 5' } });
    expect(id).toBe('filter');
    expect(text).toBe(WORD_COUNT + `    - {id: filter, type: filter, inputs: [counts], expression: value.count > 5}\n`);
  });

  it('numbers the id when the type is already an id, and writes the position into an existing layout block', () => {
    const { text, id } = addNode(BLOCK, { type: 'kafka-sink', id: undefined, position: { x: 300.4, y: 200.6 } });
    expect(id).toBe('kafka-sink');
    expect(changedLines(BLOCK, text)).toEqual({ added: ['    kafka-sink: {x: 300, y: 201}', '    - {id: kafka-sink, type: kafka-sink}'], removed: [] });
    const again = addNode(text, { type: 'kafka-sink' });
    expect(again.id).toBe('kafka-sink-2');
  });

  it('quotes values that would not read back as the same string', () => {
    const { text } = addNode(WORD_COUNT, { type: 'map', id: 'm', settings: { expression: "{'a': value.a}", note: 'true', n: '42', ok: 'plain text' } });
    expect(text.split('\n').at(-2)).toBe(`    - {id: m, type: map, expression: "{'a': value.a}", note: "true", n: "42", ok: plain text}`);
  });

  it('refuses an id that exists', () => {
    expect(() => addNode(WORD_COUNT, { type: 'map', id: 'words' })).toThrow(YamlEditError);
  });
});

describe('wiring', () => {
  it('adds a side-output input to a flow list, keeping the rest of the line', () => {
    const text = connect(WORD_COUNT, { node: 'lines', port: 'dead-letter' }, 'out');
    expect(changedLines(WORD_COUNT, text)).toEqual({
      added: ['    - {id: out, type: kafka-sink, inputs: [counts, lines.dead-letter], topic: word-count-output}  # the result'],
      removed: ['    - {id: out, type: kafka-sink, inputs: [counts], topic: word-count-output}  # the result'],
    });
  });

  it('adds an inputs key to a node that had none, and an item to a block list', () => {
    const first = connect(WORD_COUNT, { node: 'out', port: null }, 'lines');
    expect(first).toContain('- {id: lines, type: kafka-source, topic: input-text, format: text, inputs: [out]}');
    const block = connect(BLOCK, { node: 'metrics', port: 'dead-letter' }, 'alerts');
    expect(block).toContain('      inputs:\n        - metrics\n        - metrics.dead-letter\n      topic: load-alerts\n');
  });

  it('sets a join port by index, and disconnects by index', () => {
    const joined = connect(WORD_COUNT, { node: 'lines', port: null }, 'counts', 0);
    expect(joined).toContain('inputs: [lines],\n       keyBy');
    const cut = disconnect(BLOCK, 'alerts', 0);
    expect(changedLines(BLOCK, cut)).toEqual({ added: ['        []'], removed: ['        - metrics'] });
  });

  it('refuses a node reading its own output', () => {
    expect(() => connect(WORD_COUNT, { node: 'out', port: null }, 'out')).toThrow(/own output/);
  });
});

/** BLOCK after `metrics` is deleted: its item, the input that read it and its layout entry are gone. */
const BLOCK_WITHOUT_METRICS = `apiVersion: millrace.io/v1
kind: Pipeline
metadata:
  name: anomalies
  layout:
    alerts: {x: 300, y: 80}
spec:
  nodes:
    - id: alerts
      type: kafka-sink
      inputs:
        []
      topic: load-alerts
`;

describe('deleting', () => {
  it('removes the node item, the inputs that read it and its layout entry; comments elsewhere stay', () => {
    const text = removeNodes(BLOCK, ['metrics']);
    expect(text).toBe(BLOCK_WITHOUT_METRICS);
  });

  it('removes a multi-line flow node and rewires nothing else', () => {
    const text = removeNodes(WORD_COUNT, ['counts']);
    expect(text).toBe(WORD_COUNT.replace(/    - \{id: counts[\s\S]*?count\}\]\}\n/, '').replace('inputs: [counts], ', 'inputs: [], '));
    expect(text).toContain('# read the lines');
    expect(text).toContain('# the result');
  });
});

describe('renaming', () => {
  it('renames the id, every reference (side outputs too) and the layout key', () => {
    const wired = connect(BLOCK, { node: 'metrics', port: 'dead-letter' }, 'alerts');
    const text = renameNode(wired, 'metrics', 'readings');
    expect(text).toContain('    - id: readings\n      type: kafka-source\n      # the topic the agents write\n');
    expect(text).toContain('      inputs:\n        - readings\n        - readings.dead-letter\n');
    // The layout key is renamed where it stands (one changed line, not a removal and an addition).
    expect(text).toContain('  layout:\n    readings: {x: 40, y: 80}\n    alerts: {x: 300, y: 80}\n');
    expect(text).not.toMatch(/[\s[]metrics[.:,\]\n]/);
  });

  it('rejects ids the spec would reject, with the reason', () => {
    expect(() => renameNode(WORD_COUNT, 'words', 'Words')).toThrow(/lowercase letter/);
    expect(() => renameNode(WORD_COUNT, 'words', 'lines')).toThrow(/already exists/);
  });
});

describe('changing settings', () => {
  it('replaces one scalar inside a nested flow map and nothing else', () => {
    const text = setNodeSettings(WORD_COUNT, 'counts', {
      keyBy: 'value.lowerAscii()',
      window: { type: 'sliding', size: '10s', slide: '5s' },
      aggregates: [{ name: 'count', fn: 'count' }],
    });
    expect(changedLines(WORD_COUNT, text)).toEqual({
      added: ['       keyBy: "value.lowerAscii()", window: {type: sliding, size: 10s, slide: 5s},'],
      removed: ['       keyBy: "value.lowerAscii()", window: {type: tumbling, size: 10s},'],
    });
  });

  it('edits a block node: changes a value in place, removes a key, adds a key after the others', () => {
    const text = setNodeSettings(BLOCK, 'metrics', { topic: 'metrics-v2', startFrom: 'earliest' });
    expect(text).toContain(`    - id: metrics
      type: kafka-source
      # the topic the agents write
      topic: metrics-v2
      startFrom: earliest
    - id: alerts
`);
  });
});

describe('positions', () => {
  it('changes only the numbers of a moved node', () => {
    const text = setPositions(BLOCK, { metrics: { x: 41, y: 80 }, alerts: { x: 300, y: 80 } });
    expect(changedLines(BLOCK, text)).toEqual({ added: ['    metrics: {x: 41, y: 80}'], removed: ['    metrics: {x: 40, y: 80}'] });
  });

  it('turns a one-line flow metadata into block style when a layout is added, one line per node', () => {
    const text = setPositions(WORD_COUNT, { lines: { x: 0, y: 0 }, words: { x: 272, y: 0 }, counts: { x: 544, y: 0 }, out: { x: 816, y: 0 } });
    expect(text).toBe(WORD_COUNT.replace('metadata: {name: word-count}\n', `metadata:
  name: word-count
  layout:
    lines: {x: 0, y: 0}
    words: {x: 272, y: 0}
    counts: {x: 544, y: 0}
    out: {x: 816, y: 0}
`));
  });
});

describe('copy and paste', () => {
  it('pastes copies with fresh ids; inputs inside the copy follow it, inputs from outside stay', () => {
    const copied = copyNodes(BLOCK, ['alerts']);
    const { text, ids } = pasteNodes(BLOCK, copied, { x: 20, y: 20 });
    expect(ids).toEqual(['alerts-copy']);
    expect(text).toContain('    - {id: alerts-copy, type: kafka-sink, inputs: [metrics], topic: load-alerts}\n');
    expect(text).toContain('    alerts-copy: {x: 320, y: 100}\n');
    const both = pasteNodes(BLOCK, copyNodes(BLOCK, ['metrics', 'alerts']), { x: 0, y: 0 });
    expect(both.text).toContain('{id: alerts-copy, type: kafka-sink, inputs: [metrics-copy], topic: load-alerts}');
  });
});

describe('positions in a flow-style metadata (block collections are not allowed inside flow collections)', () => {
  const FLOW = `apiVersion: millrace.io/v1
kind: Pipeline
# the name is all the metadata there is
metadata: {name: my-pipeline}  # kept
spec:
  nodes: []
`;
  const layoutOf = (text: string) => {
    const read = readSpec(text);
    if (!read.ok) throw new Error(`does not parse: ${read.problems[0].message}\n${text}`);
    return read.view.layout;
  };

  it('adds node after node with a position, and every text parses with every place kept', () => {
    let text = FLOW;
    const expected: Record<string, { x: number; y: number }> = {};
    for (let i = 0; i < 6; i++) {
      const added = addNode(text, { type: 'kafka-source', position: { x: 20 + i * 270, y: 20 } });
      text = added.text;
      expected[added.id] = { x: 20 + i * 270, y: 20 };
      expect(layoutOf(text)).toEqual(expected);
    }
    expect(text).toContain('# the name is all the metadata there is\n');
    expect(text).toContain('  name: my-pipeline\n');
    expect(text).toContain('    kafka-source-6: {x: 1370, y: 20}\n');
  });

  it('moves a node of a flow-style layout inside a flow-style metadata in place', () => {
    const text = FLOW.replace('{name: my-pipeline}', '{name: p, layout: {a: {x: 1, y: 2}, b: {x: 3, y: 4}}}');
    const moved = setPositions(text, { b: { x: 30, y: 40 } });
    expect(changedLines(text, moved)).toEqual({
      added: ['metadata: {name: p, layout: {a: {x: 1, y: 2}, b: {x: 30, y: 40}}}  # kept'],
      removed: ['metadata: {name: p, layout: {a: {x: 1, y: 2}, b: {x: 3, y: 4}}}  # kept'],
    });
    const many = setPositions(text, { a: { x: 10, y: 20 }, b: { x: 30, y: 40 }, c: { x: 50, y: 60 } });
    expect(layoutOf(many)).toEqual({ a: { x: 10, y: 20 }, b: { x: 30, y: 40 }, c: { x: 50, y: 60 } });
    expect(many).toContain('# the name is all the metadata there is\n');
  });

  it('adds a layout to a flow metadata that has none, then a long second entry turns metadata block first', () => {
    const first = setPositions(FLOW, { 'a-node-with-a-rather-long-id': { x: 123456, y: 654321 } });
    expect(layoutOf(first)).toEqual({ 'a-node-with-a-rather-long-id': { x: 123456, y: 654321 } });
    const second = setPositions(first, { 'another-node-with-a-long-id': { x: 1, y: 2 } });
    expect(layoutOf(second)).toEqual({ 'a-node-with-a-rather-long-id': { x: 123456, y: 654321 }, 'another-node-with-a-long-id': { x: 1, y: 2 } });
    expect(second).toContain("metadata:\n  name: my-pipeline  # kept\n  layout:\n    a-node-with-a-rather-long-id: {x: 123456, y: 654321}\n");
  });

  it('keeps comments and block style of a block metadata without a layout', () => {
    const block = FLOW.replace('metadata: {name: my-pipeline}  # kept', 'metadata:\n  # who owns it\n  name: my-pipeline  # kept');
    const text = setPositions(block, { a: { x: 1, y: 2 } });
    expect(changedLines(block, text)).toEqual({ added: ['  layout:', '    a: {x: 1, y: 2}'], removed: [] });
    expect(layoutOf(setPositions(text, { b: { x: 3, y: 4 } }))).toEqual({ a: { x: 1, y: 2 }, b: { x: 3, y: 4 } });
  });

  it('turns a flow map that is the first key of a sequence item block with its keys indented under the key', () => {
    const text = `items:\n  - meta: {name: a-rather-long-name-for-this-item, owner: someone-with-a-long-name}\n    other: 1\n`;
    const edited = setIn(text, ['items', 0, 'meta', 'extra'], { deeply: { nested: 'value-long-enough-to-wrap' } });
    const parsed = parseDocument(edited);
    expect(parsed.errors).toEqual([]);
    expect(parsed.toJS()).toEqual({ items: [{ meta: { name: 'a-rather-long-name-for-this-item', owner: 'someone-with-a-long-name', extra: { deeply: { nested: 'value-long-enough-to-wrap' } } }, other: 1 }] });
  });
});

describe('several edits with one parse (setMany)', () => {
  it('replaces, removes and renames in one pass, exactly as the same edits one by one would', () => {
    const batched = setMany(BLOCK, [
      { path: ['spec', 'nodes', 1, 'topic'], value: 'alerts-v2' },
      { path: ['spec', 'nodes', 0, 'watermark'], value: undefined },
      { path: ['metadata', 'layout', 'alerts'], renameKey: 'sink' },
    ]);
    let stepwise = setIn(BLOCK, ['spec', 'nodes', 1, 'topic'], 'alerts-v2');
    stepwise = setIn(stepwise, ['spec', 'nodes', 0, 'watermark'], undefined);
    expect(batched).toBe(stepwise.replace('    alerts: {x: 300, y: 80}', '    sink: {x: 300, y: 80}'));
    expect(readSpec(batched!).ok).toBe(true);
  });

  it('declines what is not one splice per edit, so the caller edits step by step', () => {
    // Two removals from one list would each believe the other item stays.
    expect(setMany(BLOCK, [{ path: ['spec', 'nodes', 0], value: undefined }, { path: ['spec', 'nodes', 1], value: undefined }])).toBeNull();
    // Two additions at the same place, a per-key diff of a map, a rename onto an existing key.
    expect(setMany(BLOCK, [{ path: ['spec', 'parallelism'], value: 2 }, { path: ['spec', 'name'], value: 'x' }])).toBeNull();
    expect(setMany(BLOCK, [{ path: ['spec', 'nodes', 0, 'watermark'], value: { timestamp: 'value.t' } }])).toBeNull();
    expect(setMany(BLOCK, [{ path: ['metadata', 'layout', 'alerts'], renameKey: 'metrics' }])).toBeNull();
  });

  it('removes two nodes (step by step) and one node with its readers and layout (batched) to the same texts', () => {
    const both = removeNodes(BLOCK, ['metrics', 'alerts']);
    expect(readSpec(both).ok && readSpec(both)).toMatchObject({ view: { nodes: [], layout: {} } });
    const one = removeNodes(BLOCK, ['metrics']);
    expect(one).toBe(BLOCK_WITHOUT_METRICS);
  });
});

describe('one parse per edit on a spec without a layout (the first move, adding a node)', () => {
  /** Parses a gesture costs, counting the builder's read of its result; the text on screen was read before. */
  const parsesOf = (onScreen: string, gesture: (text: string) => string): { text: string; parses: number } => {
    readSpec(onScreen);
    const before = parseCount();
    const text = gesture(onScreen);
    if (!readSpec(text).ok) throw new Error(`the result does not read:\n${text}`);
    return { text, parses: parseCount() - before };
  };
  const PLACES = { lines: { x: 0, y: 0 }, words: { x: 272, y: 0 }, counts: { x: 544, y: 0 }, out: { x: 816, y: 0 } };

  it('turns a flow metadata block style and writes every place in one splice, and its result reads without a parse', () => {
    const text = WORD_COUNT.replace('metadata: {name: word-count}', 'metadata: {name: word-count, labels: {team: a}}  # who');
    const { text: moved, parses } = parsesOf(text, (t) => setPositions(t, PLACES));
    expect(parses).toBe(0);
    expect(moved).toBe(text.replace('metadata: {name: word-count, labels: {team: a}}  # who\n', `metadata:
  name: word-count
  labels: {team: a}  # who
  layout:
    lines: {x: 0, y: 0}
    words: {x: 272, y: 0}
    counts: {x: 544, y: 0}
    out: {x: 816, y: 0}
`));
  });

  it("adds a node with everyone's place on one parse, to the text the step-by-step way writes", () => {
    const { text: added, parses } = parsesOf(WORD_COUNT, (t) => addNode(t, { type: 'map', position: { x: 1088, y: 0 } }, PLACES).text);
    expect(parses).toBe(1);
    const stepwise = addNode(setPositions(WORD_COUNT, PLACES), { type: 'map', position: { x: 1088, y: 0 } }).text;
    expect(added).toBe(stepwise);
    expect(added).toContain('    out: {x: 816, y: 0}\n    map: {x: 1088, y: 0}\nspec:');
    expect(added.endsWith('    - {id: map, type: map}\n')).toBe(true);
  });

  it('adds a node and its entry to an existing block layout on one parse', () => {
    const { text: added, parses } = parsesOf(BLOCK, (t) => addNode(t, { type: 'filter', position: { x: 560, y: 80 } }).text);
    expect(parses).toBe(1);
    expect(changedLines(BLOCK, added)).toEqual({ added: ['    filter: {x: 560, y: 80}', '    - {id: filter, type: filter}'], removed: [] });
  });

  it("places the turned map right when an earlier splice of the same batch changed the text's length", () => {
    const layout = { value: { lines: { x: 0, y: 0 }, words: { x: 272, y: 0 }, counts: { x: 544, y: 0 } } };
    const batched = setMany(WORD_COUNT, [{ path: ['apiVersion'], value: 'millrace.io/v1-with-a-longer-version' }, { path: ['metadata', 'layout'], ...layout }]);
    const stepwise = setIn(setIn(WORD_COUNT, ['apiVersion'], 'millrace.io/v1-with-a-longer-version'), ['metadata', 'layout'], layout.value);
    expect(batched).toBe(stepwise);
    expect(batched).toContain('metadata:\n  name: word-count\n  layout:\n    lines: {x: 0, y: 0}\n');
  });

  it('still turns a flow map nested in another flow map level by level (more parses, same meaning)', () => {
    const text = WORD_COUNT.replace('metadata: {name: word-count}', 'metadata: {name: word-count, layout: {lines: {x: 0, y: 0}}}');
    const moved = setPositions(text, { words: { x: 272, y: 0 }, counts: { x: 544, y: 0 }, out: { x: 816, y: 0 }, lines: { x: 0, y: 0 } });
    const read = readSpec(moved);
    expect(read.ok && read.view.layout).toEqual(PLACES);
  });
});
