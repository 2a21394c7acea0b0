/**
 * Parsing of spec texts, remembered for the last few texts. One builder interaction reads the same text several
 * times (the edit locates nodes in it, the view re-reads the result), and parsing dominates the cost of an edit on
 * a large spec (see `npm run perf:200`), so each text is parsed once.
 *
 * This is module state on purpose: a bounded cache of pure results, keyed by the whole text. The documents handed
 * out must never be modified (edits work on text, never on a Document).
 */
import { LineCounter, parseDocument, type Document } from 'yaml';

export interface Parsed {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

const SIZE = 8;
const recent = new Map<string, Parsed>();
// Counts real parses (cache misses) for `npm run perf:200`, which reports how many parses each edit costs.
let parses = 0;

/** How many texts were parsed (not found in the cache) so far in this page or process. */
export function parseCount(): number {
  return parses;
}

export function parseCached(text: string): Parsed {
  const hit = recent.get(text);
  if (hit) {
    recent.delete(text);
    recent.set(text, hit);
    return hit;
  }
  parses++;
  const lines = new LineCounter();
  const parsed = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: false }), lines };
  recent.set(text, parsed);
  if (recent.size > SIZE) recent.delete(recent.keys().next().value as string);
  return parsed;
}
