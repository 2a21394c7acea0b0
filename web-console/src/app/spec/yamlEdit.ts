/**
 * Minimal edits of YAML source text. `setIn(text, path, value)` changes only what differs between the value at
 * `path` and `value`: a changed scalar is replaced in place, a new key is added after its siblings in the same style
 * (flow `{a: 1}` or block), a removed key or item takes only its own text with it. Everything else (comments, key
 * order, quoting, line breaks inside flow collections) stays byte for byte, which is what lets a spec round-trip
 * through the visual editor unchanged.
 *
 * An edit is planned as one splice of the text against the (cached) parse of that text; the builder's next read of
 * the result is the only new parse. The text is the only state, so edits compose without stale offsets.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseCached } from './yamlParse';
import { isPlainObject, renderBlockValue, renderFlow, renderKey, renderScalar, type JsonValue } from './yamlRender';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** A flow map longer than this, once a nested value is added, is rewritten in block style to stay readable. */
const MAX_FLOW_LINE = 100;

export class YamlEditError extends Error {}

export function parseForEdit(text: string): Document.Parsed {
  const { doc } = parseCached(text);
  if (doc.errors.length > 0) {
    throw new YamlEditError(`The YAML text has a syntax error (${doc.errors[0].message}); fix it before editing the graph.`);
  }
  return doc;
}

/** Sets (or with `undefined`, removes) the value at `path`, changing as little text as possible. */
export function setIn(text: string, path: Path, value: JsonValue | undefined): string {
  const doc = parseForEdit(text);
  const found = locate(doc, path);
  if (found.kind === 'missing') {
    if (value === undefined) return text;
    return addMissing(text, doc, path.slice(0, found.depth), found.parent, path.slice(found.depth), value);
  }
  if (value === undefined) return removeAt(text, found.container, found.index);
  const current = found.node;
  const old: unknown = current == null ? null : current.toJSON();
  if (deepEqual(old, value)) return text;
  if (isMap(current) && isPlainObject(value)) return diffMap(text, path, current, value);
  if (isSeq(current) && Array.isArray(value)) return diffSeq(text, path, current, value);
  return replaceValue(text, found, value);
}

/**
 * Replaces the value at `path` as a whole, in one edit (no per-key diff): for machine-written blocks such as
 * `metadata.layout`, where rewriting 200 entries one by one would re-read the text 200 times.
 */
export function replaceAt(text: string, path: Path, value: JsonValue): string {
  const doc = parseForEdit(text);
  const found = locate(doc, path);
  if (found.kind === 'missing') return addMissing(text, doc, path.slice(0, found.depth), found.parent, path.slice(found.depth), value);
  const old: unknown = found.node == null ? null : found.node.toJSON();
  return deepEqual(old, value) ? text : replaceValue(text, found, value);
}

/** Applies edits one after the other (each sees the text the previous one produced). */
export function setAll(text: string, edits: ReadonlyArray<readonly [Path, JsonValue | undefined]>): string {
  return edits.reduce((current, [path, value]) => setIn(current, path, value), text);
}

/**
 * One edit of `setMany`: set (or with `undefined` remove) the value at `path`, or rename the key at `path`. With
 * `whole`, a collection is replaced as a whole (as `replaceAt`) instead of key by key.
 */
export type BatchEdit =
  | { readonly path: Path; readonly value: JsonValue | undefined; readonly whole?: boolean }
  | { readonly path: Path; readonly renameKey: string };

/**
 * Applies several edits with ONE parse of `text`: each edit must be a replacement of an existing scalar (or, with
 * `whole`, of a collection), a removal of an existing entry (at most one per list or map), the rename of an existing
 * key or the addition of a missing key or list item, and no two may touch the same text. They are all located in the
 * same parse and applied from the end of the text backwards, so earlier offsets stay valid. Returns null when an edit
 * is of another kind (a per-key diff of a collection, an addition that must turn an enclosing flow collection block
 * first...): the caller then edits step by step (a parse per step). This is what makes a rename, a delete or adding a
 * node with its place on a 200-node spec one parse instead of one per touched place.
 */
export function setMany(text: string, edits: readonly BatchEdit[]): string | null {
  const doc = parseForEdit(text);
  const planned: Splice[] = [];
  const removedFrom = new Set<Container>();
  for (const edit of edits) {
    const one = plan(text, doc, edit, removedFrom);
    if (one === null) return null;
    if (one !== UNCHANGED) planned.push(one);
  }
  planned.sort((a, b) => a.start - b.start);
  for (let i = 1; i < planned.length; i++) if (planned[i].start < planned[i - 1].end || planned[i].start === planned[i - 1].start) return null;
  return planned.reduceRight(apply, text);
}

const UNCHANGED = 'unchanged';

function plan(text: string, doc: Document.Parsed, edit: BatchEdit, removedFrom: Set<Container>): Splice | typeof UNCHANGED | null {
  const found = locate(doc, edit.path);
  if ('renameKey' in edit) {
    if (found.kind !== 'found' || !found.pair || !isScalar(found.pair.key)) return null;
    if (found.pair.key.value === edit.renameKey) return UNCHANGED;
    // Renaming onto a key that exists would make a duplicate key.
    if (found.container.items.some((item) => isPair(item) && keyOf(item) === edit.renameKey)) return null;
    const key = found.pair.key as YamlNode;
    return cut(startOf(key), valueEndOf(key), renderKey(edit.renameKey));
  }
  if (found.kind === 'missing') {
    if (edit.value === undefined) return UNCHANGED;
    return additionOf(text, doc, edit.path.slice(0, found.depth), found.parent, edit.path.slice(found.depth), edit.value);
  }
  if (edit.value === undefined) {
    if (removedFrom.has(found.container)) return null;
    removedFrom.add(found.container);
    return removalOf(text, found.container, found.index);
  }
  const current = found.node;
  if (deepEqual(current == null ? null : current.toJSON(), edit.value)) return UNCHANGED;
  if (edit.whole) return replacementOf(text, found, edit.value);
  // A collection set to a collection is a per-key diff in setIn (comments and style inside survive): not one splice.
  if ((isMap(current) || isSeq(current)) && (isPlainObject(edit.value) || Array.isArray(edit.value))) return null;
  return replacementOf(text, found, edit.value);
}

// ---- locating -------------------------------------------------------------------------------------------------

type Container = YAMLMap | YAMLSeq;

type Located =
  | { kind: 'found'; node: YamlNode | null; container: Container; index: number; pair: Pair | null }
  | { kind: 'missing'; parent: YamlNode | null; depth: number };

function locate(doc: Document.Parsed, path: Path): Located {
  let node: YamlNode | null = doc.contents as YamlNode | null;
  if (path.length === 0) throw new YamlEditError('Editing the whole document is not a minimal edit.');
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth];
    if (isMap(node) && typeof segment === 'string') {
      const index = node.items.findIndex((pair) => keyOf(pair) === segment);
      if (index < 0) return { kind: 'missing', parent: node, depth };
      const pair = node.items[index];
      if (depth === path.length - 1) return { kind: 'found', node: pair.value as YamlNode | null, container: node, index, pair };
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      if (segment >= node.items.length) return { kind: 'missing', parent: node, depth };
      if (depth === path.length - 1) return { kind: 'found', node: node.items[segment] as YamlNode | null, container: node, index: segment, pair: null };
      node = node.items[segment] as YamlNode | null;
    } else {
      return { kind: 'missing', parent: node, depth };
    }
  }
  throw new YamlEditError(`Unreachable: path ${path.join('.')}`);
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

// ---- structural diff ------------------------------------------------------------------------------------------

function diffMap(text: string, path: Path, current: YAMLMap, value: Record<string, JsonValue>): string {
  const oldKeys = current.items.map((pair) => String(keyOf(pair)));
  let result = text;
  for (const key of oldKeys) if (!(key in value)) result = setIn(result, [...path, key], undefined);
  for (const [key, child] of Object.entries(value)) result = setIn(result, [...path, key], child);
  return result;
}

function diffSeq(text: string, path: Path, current: YAMLSeq, value: JsonValue[]): string {
  const oldLength = current.items.length;
  let result = text;
  for (let i = oldLength - 1; i >= value.length; i--) result = setIn(result, [...path, i], undefined);
  for (let i = 0; i < value.length; i++) result = setIn(result, [...path, i], value[i]);
  return result;
}

// ---- text positions -------------------------------------------------------------------------------------------

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function endOfLine(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === '\n') return pos;
  const newline = text.indexOf('\n', pos);
  return newline < 0 ? text.length : newline + 1;
}

function indentOf(text: string, pos: number): string {
  return ' '.repeat(pos - lineStart(text, pos));
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** One replacement of `text[start, end)`, planned against a parse of the text and applied later. */
interface Splice {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

function cut(start: number, end: number, insert: string): Splice {
  return { start, end, insert };
}

function apply(text: string, edit: Splice): string {
  return splice(text, edit.start, edit.end, edit.insert);
}

function startOf(node: YamlNode): number {
  return rangeOf(node)[0];
}

function valueEndOf(node: YamlNode): number {
  return rangeOf(node)[1];
}

function rangeOf(node: YamlNode): [number, number, number] {
  if (!node.range) throw new YamlEditError('A YAML node has no source range.');
  return node.range;
}

function pairEnd(pair: Pair): number {
  const value = pair.value as YamlNode | null;
  if (value && value.range && !(isScalar(value) && value.value === null && value.range[0] === value.range[1])) return valueEndOf(value);
  return valueEndOf(pair.key as YamlNode);
}

function itemStart(container: Container, index: number): number {
  const item = container.items[index];
  return isPair(item) ? startOf(item.key as YamlNode) : startOf(item as YamlNode);
}

function itemEnd(container: Container, index: number): number {
  const item = container.items[index];
  return isPair(item) ? pairEnd(item) : valueEndOf(item as YamlNode);
}

/** Position of the `-` that introduces a block sequence item. */
function dashOf(text: string, itemPos: number): number {
  const dash = text.lastIndexOf('-', itemPos - 1);
  if (dash < lineStart(text, itemPos)) throw new YamlEditError('A block sequence item has no "-" on its line.');
  return dash;
}

// ---- removing -------------------------------------------------------------------------------------------------

function removeAt(text: string, container: Container, index: number): string {
  return apply(text, removalOf(text, container, index));
}

function removalOf(text: string, container: Container, index: number): Splice {
  const count = container.items.length;
  const start = itemStart(container, index);
  const end = itemEnd(container, index);
  if (container.flow) {
    if (index < count - 1) return cut(start, itemStart(container, index + 1), '');
    if (index > 0) return cut(itemEnd(container, index - 1), end, '');
    return cut(start, end, '');
  }
  const empty = isMap(container) ? '{}' : '[]';
  if (isSeq(container)) {
    const dash = dashOf(text, start);
    if (count === 1) return cut(dash, endOfLine(text, end) - 1, empty);
    return cut(lineStart(text, dash), endOfLine(text, end), '');
  }
  const ownLine = text.slice(lineStart(text, start), start).trim() === '';
  if (count === 1) return cut(start, endOfLine(text, end) - 1, empty);
  // The first key of a map that is a sequence item shares the `- ` line: the next key moves up onto it.
  if (!ownLine) return cut(start, itemStart(container, index + 1), '');
  return cut(lineStart(text, start), endOfLine(text, end), '');
}

// ---- adding ---------------------------------------------------------------------------------------------------

function nest(rest: Path, value: JsonValue): JsonValue {
  return rest.reduceRight<JsonValue>((inner, segment) => {
    if (typeof segment === 'number') {
      if (segment !== 0) throw new YamlEditError('Cannot create a list with a gap.');
      return [inner];
    }
    return { [segment]: inner };
  }, value);
}

/** Adds `rest` (with `value` at its end) under `parent`, the node at `parentPath` of `doc`. */
function addMissing(text: string, doc: Document.Parsed, parentPath: Path, parent: YamlNode | null, rest: Path, value: JsonValue): string {
  const planned = additionOf(text, doc, parentPath, parent, rest, value);
  if (planned !== null) return apply(text, planned);
  const [head, ...tail] = rest;
  return addPairStepwise(text, doc, parentPath, parent as YAMLMap, head as string, nest(tail, value));
}

/**
 * Plans adding `rest` (with `value` at its end) under `parent` as ONE splice of `text`, or null when that takes more
 * (a flow map inside another flow collection must have the outer one turned block first, then be edited again).
 */
function additionOf(text: string, doc: Document.Parsed, parentPath: Path, parent: YamlNode | null, rest: Path, value: JsonValue): Splice | null {
  const [head, ...tail] = rest;
  const child = nest(tail, value);
  if (isMap(parent) && typeof head === 'string') return pairAdditionOf(text, doc, parentPath, parent, head, child);
  if (isSeq(parent) && typeof head === 'number' && head === parent.items.length) return itemAdditionOf(text, parent, child);
  throw new YamlEditError(`Cannot add "${String(head)}" here: the YAML at that place is not a ${typeof head === 'number' ? 'list' : 'mapping'}.`);
}

function pairAdditionOf(text: string, doc: Document.Parsed, mapPath: Path, map: YAMLMap, key: string, value: JsonValue): Splice | null {
  if (map.flow) {
    const entry = `${renderKey(key)}: ${renderFlow(value)}`;
    if (map.items.length === 0) return cut(startOf(map) + 1, startOf(map) + 1, entry);
    const end = itemEnd(map, map.items.length - 1);
    if (flowLineTooLong(text, end, entry, value)) {
      const outermost = outermostFlow(doc, mapPath);
      if (outermost && outermost.node !== map) return null;
      // The map itself is the outermost flow collection: it turns block and takes the new key in the same splice
      // (`metadata: {name: x}` + layout → `metadata:\n  name: x\n  layout:\n    a: {...}`), no parse in between.
      const turned = turnBlockAdding(text, map, key, value);
      if (turned !== null) return turned;
    }
    return cut(end, end, `, ${entry}`);
  }
  const indent = map.items.length > 0 ? indentOf(text, itemStart(map, 0)) : '';
  const at = map.items.length > 0 ? endOfLine(text, itemEnd(map, map.items.length - 1)) : text.length;
  const line = `${indent}${renderKey(key)}:${renderBlockValue(value, `${indent}  `)}\n`;
  return cut(at, at, (at > 0 && text[at - 1] !== '\n' ? '\n' : '') + line);
}

function flowLineTooLong(text: string, end: number, entry: string, value: JsonValue): boolean {
  const lineLength = endOfLine(text, end) - lineStart(text, end) + entry.length + 2;
  return lineLength > MAX_FLOW_LINE && (isPlainObject(value) || Array.isArray(value));
}

/**
 * The general way, a parse per level: only a flow map that is not itself inside a flow collection can turn block
 * (block inside flow is not YAML), so when the map sits inside one (`metadata: {name: x, layout: {...}}`) the
 * outermost flow map turns block first, and the edit is tried again on that text, one level at a time.
 */
function addPairStepwise(text: string, doc: Document.Parsed, mapPath: Path, map: YAMLMap, key: string, value: JsonValue): string {
  if (map.flow && map.items.length > 0) {
    const entry = `${renderKey(key)}: ${renderFlow(value)}`;
    const end = itemEnd(map, map.items.length - 1);
    if (flowLineTooLong(text, end, entry, value)) {
      const outermost = outermostFlow(doc, mapPath);
      const block = outermost && isMap(outermost.node) ? toBlock(text, outermost.node) : null;
      if (block !== null) {
        return outermost!.node === map ? apply(block.text, pairAdditionBlock(block.text, block.map, key, value)) : setIn(block.text, [...mapPath, key], value);
      }
    }
    return splice(text, end, end, `, ${entry}`);
  }
  return apply(text, pairAdditionOf(text, doc, mapPath, map, key, value)!);
}

/** Adding a key to a block map (the map the stepwise way just turned block). */
function pairAdditionBlock(text: string, map: YAMLMap, key: string, value: JsonValue): Splice {
  const indent = indentOf(text, itemStart(map, 0));
  const at = endOfLine(text, itemEnd(map, map.items.length - 1));
  return cut(at, at, `${at > 0 && text[at - 1] !== '\n' ? '\n' : ''}${indent}${renderKey(key)}:${renderBlockValue(value, `${indent}  `)}\n`);
}

function itemAdditionOf(text: string, seq: YAMLSeq, value: JsonValue): Splice {
  const rendered = renderFlow(value);
  if (seq.flow) {
    if (seq.items.length === 0) {
      // `nodes: []` under a block key becomes a block list: one line per item reads better as it grows.
      const start = startOf(seq);
      const before = text.slice(lineStart(text, start), start);
      const end = valueEndOf(seq);
      if (/^\s*[^\s#-][^#]*:\s*$/.test(before) && text.slice(start, end) === '[]') {
        const keyIndent = before.length - before.trimStart().length;
        const spaceBefore = before.length - before.trimEnd().length;
        return cut(start - spaceBefore, end, `\n${' '.repeat(keyIndent + 2)}- ${rendered}`);
      }
      return cut(startOf(seq) + 1, startOf(seq) + 1, rendered);
    }
    const end = itemEnd(seq, seq.items.length - 1);
    return cut(end, end, `, ${rendered}`);
  }
  const dash = dashOf(text, itemStart(seq, 0));
  const at = endOfLine(text, itemEnd(seq, seq.items.length - 1));
  const line = `${indentOf(text, dash)}- ${isPlainObject(value) || Array.isArray(value) ? rendered : renderScalar(value, false)}\n`;
  return cut(at, at, (at > 0 && text[at - 1] !== '\n' ? '\n' : '') + line);
}

/**
 * One splice that rewrites a one-line flow map that is the value of a block map key (`metadata: {name: x}`) in block
 * style, each value keeping its own source text, and adds `key: value` as its last entry. Null when the map is not in
 * that position or its entries would not read back the same in block style (`turnsAsPlanned`).
 */
function turnBlockAdding(text: string, map: YAMLMap, key: string, value: JsonValue): Splice | null {
  const block = blockLinesOf(text, map);
  if (block === null) return null;
  const lineEnd = endOfLine(text, block.end);
  // What followed the map on its line (a comment) stays after the last old entry, as the stepwise way does.
  const rest = text.slice(block.end, lineEnd);
  const oldEntries = `${block.lines}${rest}${rest.endsWith('\n') ? '' : '\n'}`;
  if (!turnsAsPlanned(text.slice(lineStart(text, block.start), block.start), oldEntries, block.childIndent, map, key)) return null;
  const added = `${block.childIndent}${renderKey(key)}:${renderBlockValue(value, `${block.childIndent}  `)}\n`;
  return cut(block.start, lineEnd, `${oldEntries}${added}`);
}

/**
 * Whether the map's own entries, turned block under their key line, read back as the same map with `addedKey` as its
 * last key. Checked on those few lines alone (a placeholder for the added value, which our renderer writes): the rest
 * of the text is untouched, and parsing the whole result here would put a parse of a 30 KB text on the first move of
 * a 200-node spec, whose result the builder no longer needs to parse before showing it (see `setPositions`).
 */
function turnsAsPlanned(keyLine: string, oldEntries: string, childIndent: string, map: YAMLMap, addedKey: string): boolean {
  const lines = `${keyLine}${oldEntries}${childIndent}${renderKey(addedKey)}: 0\n`;
  const doc = parseDocument(lines, { uniqueKeys: false });
  if (doc.errors.length > 0) return false;
  const turned = blockMapAfter(doc, lines, keyLine.length);
  if (turned === null || turned.flow) return false;
  const keys = turned.items.map(keyOf);
  return keys.at(-1) === addedKey && keys.length === map.items.length + 1 && deepEqual(turned.toJSON(), { ...map.toJSON(), [addedKey]: 0 });
}

/**
 * Rewrites a one-line flow map that is the value of a block map key (`metadata: {name: x}`) in block style, keeping
 * each value's own source text. Returns null when the map is not in that position.
 */
function toBlock(text: string, map: YAMLMap): { text: string; map: YAMLMap } | null {
  const block = blockLinesOf(text, map);
  if (block === null) return null;
  const rewritten = splice(text, block.start, block.end, block.lines);
  const path = blockMapAfter(parseForEdit(rewritten), rewritten, block.start);
  if (path === null) return null;
  return { text: rewritten, map: path };
}

/**
 * The block-style lines of a one-line flow map that is the value of a block map key, each starting with a line break,
 * and the span they replace (from the space after `key:` to the closing brace); null when the map is elsewhere.
 */
function blockLinesOf(text: string, map: YAMLMap): { start: number; end: number; lines: string; childIndent: string } | null {
  const start = startOf(map);
  const end = valueEndOf(map);
  const before = text.slice(lineStart(text, start), start);
  if (text.slice(start, end).includes('\n') || !/^\s*[^\s#][^#]*:\s*$/.test(before)) return null;
  // The key's column: after any `- ` of the sequence items the key's map starts in.
  const keyIndent = /^(?:\s*-\s+)*\s*/.exec(before)![0].length;
  const childIndent = ' '.repeat(keyIndent + 2);
  const lines = map.items.map((pair) => {
    const keyNode = pair.key as YamlNode;
    const valueText = text.slice(valueEndOf(keyNode), pairEnd(pair)).replace(/^\s*:\s*/, '');
    return `\n${childIndent}${text.slice(startOf(keyNode), valueEndOf(keyNode))}: ${valueText}`;
  });
  const spaceBefore = before.length - before.trimEnd().length;
  return { start: start - spaceBefore, end, lines: lines.join(''), childIndent };
}

/** The outermost flow collection on `path` (the node at the path itself included), or null when there is none. */
function outermostFlow(doc: Document.Parsed, path: Path): { node: Container } | null {
  let node: unknown = doc.contents;
  for (let depth = 0; ; depth++) {
    if ((isMap(node) || isSeq(node)) && node.flow) return { node };
    if (depth === path.length) return null;
    const segment = path[depth];
    if (isMap(node)) node = node.items.find((pair) => keyOf(pair) === segment)?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return null;
  }
}

/** The map that is the value of the key whose `:` ends just before `offset` (the key whose value was rewritten). */
function blockMapAfter(doc: Document.Parsed, text: string, offset: number): YAMLMap | null {
  let found: YAMLMap | null = null;
  const visit = (node: unknown): void => {
    if (found) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as YamlNode;
        if (key.range && /^\s*:$/.test(text.slice(key.range[1], offset)) && isMap(pair.value)) {
          found = pair.value;
          return;
        }
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      node.items.forEach(visit);
    }
  };
  visit(doc.contents);
  return found;
}

// ---- replacing ------------------------------------------------------------------------------------------------

function replaceValue(text: string, found: Extract<Located, { kind: 'found' }>, value: JsonValue): string {
  return apply(text, replacementOf(text, found, value));
}

function replacementOf(text: string, found: Extract<Located, { kind: 'found' }>, value: JsonValue): Splice {
  const node = found.node;
  const inFlow = Boolean(found.container.flow);
  const isCollection = isPlainObject(value) || Array.isArray(value);
  if (node === null || (isScalar(node) && node.value === null && rangeOf(node)[0] === rangeOf(node)[1])) {
    // `key:` with nothing after it.
    const keyEnd = valueEndOf(found.pair!.key as YamlNode);
    const colon = text.indexOf(':', keyEnd);
    return cut(colon + 1, colon + 1, ` ${isCollection ? renderFlow(value) : renderScalar(value as never, inFlow)}`);
  }
  if (isScalar(node) || ((isMap(node) || isSeq(node)) && node.flow) || inFlow) {
    const start = startOf(node);
    let end = valueEndOf(node);
    // Block scalars (`|`, `>`) own their final line break; keep it outside the replacement.
    if (text[end - 1] === '\n') end = text.slice(start, end).trimEnd().length + start;
    const rendered = isCollection ? renderFlow(value) : renderScalar(value as never, inFlow);
    return cut(start, end, rendered);
  }
  // A block collection: replace from right after `key:` (or `- `) to the end of its last line.
  const end = endOfLine(text, valueEndOf(node));
  if (found.pair) {
    const keyEnd = valueEndOf(found.pair.key as YamlNode);
    const colon = text.indexOf(':', keyEnd);
    const indent = indentOf(text, startOf(found.pair.key as YamlNode));
    return cut(colon + 1, end, `${renderBlockValue(value, `${indent}  `)}\n`);
  }
  return cut(startOf(node), end, `${renderFlow(value)}\n`);
}

// ---- helpers --------------------------------------------------------------------------------------------------

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}
