import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledSchema, bundledTemplates } from '../catalog/bundled';
import { nodeKindsOf } from '../catalog/nodeKinds';
import { autoLayout } from '../layout/autoLayout';
import { toGraph } from './graph';
import { writeGraph, viewOf } from './specEdits';

const kinds = nodeKindsOf(bundledSchema);

function withoutLayout(text: string): unknown {
  const doc = parse(text);
  delete doc.metadata.layout;
  return doc;
}

describe('every spec example round-trips through the graph', () => {
  it('bundles every example file of pipeline-spec/examples', () => {
    const root = fileURLToPath(new URL('../../../../pipeline-spec/examples/', import.meta.url));
    const onDisk = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).map((f) => f.split(sep).join('/'));
    expect(onDisk.length).toBeGreaterThan(10);
    expect(bundledTemplates.map((t) => t.name)).toEqual(onDisk.sort());
  });

  for (const template of bundledTemplates) {
    it(`${template.name}: parse → graph → text is byte for byte the input`, () => {
      const graph = toGraph(viewOf(template.text), kinds);
      expect(graph.nodes.length).toBeGreaterThan(0);
      expect(writeGraph(template.text, graph)).toBe(template.text);
    });

    it(`${template.name}: the graph written into an empty spec gives the same nodes, values and order`, () => {
      const graph = toGraph(viewOf(template.text), kinds);
      const empty = 'apiVersion: millrace.io/v1\nkind: Pipeline\nmetadata: {name: x}\nspec:\n  nodes: []\n';
      const out = writeGraph(empty, { ...graph, nodes: graph.nodes.map((n) => ({ ...n, position: null })) });
      expect(parse(out).spec.nodes).toEqual(parse(template.text).spec.nodes);
      expect(out).toContain(`  nodes:\n    - {id: ${graph.nodes[0].id}, type: ${graph.nodes[0].type}`);
    });

    it(`${template.name}: adding an auto-layout changes only metadata.layout`, async () => {
      const graph = toGraph(viewOf(template.text), kinds);
      const positions = await autoLayout(graph);
      const moved = { ...graph, nodes: graph.nodes.map((n) => ({ ...n, position: { x: positions[n.id].x + 1, y: positions[n.id].y } })) };
      const out = writeGraph(template.text, moved);
      expect(out).not.toBe(template.text);
      expect(withoutLayout(out)).toEqual(withoutLayout(template.text));
      // The nodes section, and everything before metadata, are untouched text.
      const specAt = (t: string) => t.indexOf('\nspec:');
      expect(out.slice(specAt(out))).toBe(template.text.slice(specAt(template.text)));
      expect(out.slice(0, out.indexOf('metadata:'))).toBe(template.text.slice(0, template.text.indexOf('metadata:')));
      const layout = parse(out).metadata.layout;
      for (const node of graph.nodes) expect(layout[node.id]).toEqual({ x: positions[node.id].x + 1, y: positions[node.id].y });
      // Written again, the laid-out text is stable.
      expect(writeGraph(out, toGraph(viewOf(out), kinds))).toBe(out);
    });
  }
});
