/**
 * The view of a text after an edit that only wrote node places into `metadata.layout` (a move, auto-layout), derived
 * from the view of the text before it instead of parsing the result: the nodes are the same (only their line numbers
 * shift by the lines the edit added above them), the layout is the old one with the new places. On a 200-node spec
 * the parse of the result is most of a move's work before the YAML can show it (the first move writes all 200 places
 * into a 30 KB text); the builder parses the text later, when the page is idle, for the next edit.
 *
 * Null whenever the derivation could differ from a parse: a node item inside the changed span of text, or a
 * `metadata` / `layout` / layout id written twice (the edit changes the first, a read keeps the last).
 */
import { isMap, isScalar, type Document, type YAMLMap } from 'yaml';
import type { Position, SpecNode, SpecView } from './specModel';
import { changedSpan } from './textChange';

export function movedView(before: string, beforeDoc: Document.Parsed, view: SpecView, after: string, places: Readonly<Record<string, Position>>): SpecView | null {
  if (!hasPlainLayout(beforeDoc)) return null;
  const changed = changedSpan(before, after);
  const firstLine = lineAt(before, changed.start);
  const lastLine = lineAt(before, changed.endBefore);
  const shift = countBreaks(after, changed.start, changed.endAfter) - countBreaks(before, changed.start, changed.endBefore);
  const nodes: SpecNode[] = [];
  for (const node of view.nodes) {
    if (node.line < firstLine) nodes.push(node);
    else if (node.line > lastLine) nodes.push(shift === 0 ? node : { ...node, line: node.line + shift });
    else return null;
  }
  return { name: view.name, nodes, layout: { ...view.layout, ...places }, layoutDeclared: true };
}

/** `metadata` once at the top, a map; in it `layout` at most once, a map (if any) whose ids are each written once. */
function hasPlainLayout(doc: Document.Parsed): boolean {
  const root = doc.contents;
  if (!isMap(root)) return false;
  const metadata = onlyValue(root, 'metadata');
  if (metadata === undefined || !isMap(metadata)) return false;
  const layout = onlyValue(metadata, 'layout');
  if (layout === undefined) return !hasKey(metadata, 'layout');
  if (!isMap(layout)) return false;
  const ids = layout.items.map((pair) => (isScalar(pair.key) ? pair.key.value : pair.key));
  return new Set(ids).size === ids.length;
}

/** The value of `key` when the map has it exactly once, else undefined. */
function onlyValue(map: YAMLMap, key: string): unknown {
  const pairs = map.items.filter((pair) => isScalar(pair.key) && pair.key.value === key);
  return pairs.length === 1 ? pairs[0].value : undefined;
}

function hasKey(map: YAMLMap, key: string): boolean {
  return map.items.some((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** 1-based line of offset `at`. */
function lineAt(text: string, at: number): number {
  return countBreaks(text, 0, at) + 1;
}

function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) breaks++;
  return breaks;
}
