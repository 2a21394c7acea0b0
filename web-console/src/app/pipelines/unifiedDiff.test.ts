import { describe, expect, it } from 'vitest';
import { diffStats, parseUnifiedDiff } from './unifiedDiff';
import { auditQuery } from '../admin/AuditLog';
import { columnsOf, cell, parseSamples } from '../preview/samples';
import { droppedNodes, orderedForReview, readStateDiff } from '../deploy/stateDiff';

const DIFF = `--- wc@1
+++ wc@2
@@ -3,4 +3,4 @@
 metadata: {name: wc}
 spec:
-  parallelism: 1
+  parallelism: 2
   nodes:
`;

describe('the version diff', () => {
  it('numbers old and new lines from the hunk headers', () => {
    const lines = parseUnifiedDiff(DIFF);
    expect(lines.map((l) => l.kind)).toEqual(['file', 'file', 'hunk', 'context', 'context', 'removed', 'added', 'context']);
    expect(lines[5]).toEqual({ kind: 'removed', text: '  parallelism: 1', oldLine: 5, newLine: null });
    expect(lines[6]).toEqual({ kind: 'added', text: '  parallelism: 2', oldLine: null, newLine: 5 });
    expect(lines[7]).toMatchObject({ kind: 'context', oldLine: 6, newLine: 6 });
    expect(diffStats(lines)).toEqual({ added: 1, removed: 1 });
    expect(parseUnifiedDiff('')).toEqual([]);
  });
});

describe('preview samples', () => {
  it('reads a JSON array, NDJSON or one pretty object, and names the bad line', () => {
    expect(parseSamples('[{"a":1},{"a":2}]')).toEqual({ ok: true, records: [{ a: 1 }, { a: 2 }] });
    expect(parseSamples('{"a":1}\n\n{"a":2}\n')).toEqual({ ok: true, records: [{ a: 1 }, { a: 2 }] });
    expect(parseSamples('{\n  "a": 1\n}')).toEqual({ ok: true, records: [{ a: 1 }] });
    const bad = parseSamples('{"a":1}\n{"a":');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^Line 2 is not JSON/);
    expect(parseSamples('  ')).toEqual({ ok: true, records: [] });
  });

  it('tables records by the union of their keys', () => {
    expect(columnsOf([{ w: 'a', n: 1 }, { w: 'b', x: true }, 3])).toEqual(['w', 'n', 'x', 'value']);
    expect([cell({ n: { y: 1 } }, 'n'), cell(3, 'value'), cell({ w: 'a' }, 'n')]).toEqual(['{"y":1}', '3', '']);
  });
});

describe('the state diff', () => {
  it('is read only when the answer carries one, dropped nodes first', () => {
    expect(readStateDiff({ id: 'job' })).toBeNull();
    const diff = readStateDiff({ stateDiff: { nodes: [{ nodeId: 'b', change: 'KEPT' }, { nodeId: 'a', change: 'DROPPED', reason: 'window changed' }, { nodeId: 'z', change: 'WHAT' }] } })!;
    expect(diff.nodes.map((n) => n.nodeId)).toEqual(['b', 'a']);
    expect(droppedNodes(diff).map((n) => n.nodeId)).toEqual(['a']);
    expect(orderedForReview(diff).map((n) => n.change)).toEqual(['DROPPED', 'KEPT']);
  });
});

describe('the audit query', () => {
  it('sends only the filters that are set, with the paging cursor', () => {
    expect(auditQuery({ resourceType: '', action: '', since: '' }, null)).toBe('/api/v1/audit?limit=50');
    const q = new URL(`http://x${auditQuery({ resourceType: ' pipeline ', action: 'token.create', since: '2026-01-31T12:00' }, 812)}`).searchParams;
    expect(q.get('resourceType')).toBe('pipeline');
    expect(q.get('action')).toBe('token.create');
    expect(q.get('since')).toMatch(/^2026-01-31T\d\d:00:00\.000Z$/);
    expect(q.get('before')).toBe('812');
  });
});
