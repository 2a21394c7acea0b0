/**
 * The builder's edits, each a function from spec text to spec text that changes only what the edit is about (see
 * yamlEdit.ts). `writeGraph` is the general form: it writes a whole graph back into a text, touching only the nodes,
 * inputs, settings and positions that differ.
 */
import type { NodeKind } from '../catalog/nodeKinds';
import type { PipelineGraph } from './graph';
import { movedView } from './movedView';
import { formatInputRef, readSpec, rememberView, type InputRef, type Position, type SpecNode, type SpecView } from './specModel';
import { deepEqual, replaceAt, setIn, setMany, YamlEditError, type BatchEdit, type Path } from './yamlEdit';
import { parseCached } from './yamlParse';
import type { JsonValue } from './yamlRender';

const NODES: Path = ['spec', 'nodes'];
const LAYOUT: Path = ['metadata', 'layout'];
const ID_PATTERN = /^[a-z][a-z0-9-]*$/;
const MAX_ID_LENGTH = 63;

export function viewOf(text: string): SpecView {
  const read = readSpec(text);
  if (!read.ok) throw new YamlEditError(`The YAML text has a syntax error at line ${read.problems[0].line}: ${read.problems[0].message}`);
  return read.view;
}

function nodeById(view: SpecView, id: string): SpecNode {
  const node = view.nodes.find((n) => n.id === id);
  if (!node) throw new YamlEditError(`There is no node "${id}".`);
  return node;
}

/** Rounded so that dragging does not write long fractions into the spec. */
export function roundPosition(position: Position): Position {
  return { x: Math.round(position.x), y: Math.round(position.y) };
}

// ---- the general form -----------------------------------------------------------------------------------------

function nodeObject(node: { id: string; type: string; inputs: readonly InputRef[]; settings: Record<string, JsonValue> }, hadInputs: boolean): Record<string, JsonValue> {
  const object: Record<string, JsonValue> = { id: node.id, type: node.type };
  if (node.inputs.length > 0 || hadInputs) object.inputs = node.inputs.map(formatInputRef);
  return { ...object, ...node.settings };
}

/** Writes `graph` into `text`: removed nodes go, new nodes are appended, changed parts of kept nodes are edited. */
export function writeGraph(text: string, graph: PipelineGraph): string {
  let result = text;
  const before = viewOf(result);
  const wanted = new Set(graph.nodes.map((n) => n.id));
  const removed = before.nodes.filter((n) => !wanted.has(n.id)).sort((a, b) => b.index - a.index);
  for (const node of removed) result = setIn(result, [...NODES, node.index], undefined);

  const current = viewOf(result);
  for (const node of graph.nodes) {
    const existing = current.nodes.find((n) => n.id === node.id);
    if (existing && !node.hasId) continue; // a placeholder: nothing to write until the user gives it an id
    // `inputs: []` written by the user is kept even when the graph has no inputs for the node.
    const hadInputs = existing?.hasInputsKey ?? false;
    const object = nodeObject({ ...node, settings: { ...node.settings } }, hadInputs);
    // Most nodes are unchanged: compare values first, and only edit the text of those that differ.
    if (existing && deepEqual(object, nodeObject(existing, hadInputs))) continue;
    result = setIn(result, [...NODES, existing ? existing.index : viewOf(result).nodes.length], existing ? withoutIdIfPlaceholder(object, existing) : object);
  }
  result = writeLayout(result, Object.fromEntries(graph.nodes.flatMap((n) => (n.position ? [[n.id, n.position]] : []))), removed.map((n) => n.id));
  return result;
}

function withoutIdIfPlaceholder(object: Record<string, JsonValue>, existing: SpecNode): Record<string, JsonValue> {
  if (existing.hasId) return object;
  const { id: _ignored, ...rest } = object;
  return rest;
}

function writeLayout(text: string, positions: Record<string, Position>, removedIds: readonly string[]): string {
  const view = viewOf(text);
  if (removedIds.length === 0) {
    const batch = layoutEdits(view, positions);
    if (batch.length === 0) return text;
    const batched = setMany(text, batch);
    if (batched !== null) return batched;
  }
  let result = text;
  for (const id of removedIds) if (view.layout[id]) result = setIn(result, [...LAYOUT, id], undefined);
  const after = result === text ? view : viewOf(result);
  for (const edit of layoutEdits(after, positions)) {
    if (!('value' in edit) || edit.value === undefined) continue;
    result = edit.whole ? replaceAt(result, edit.path, edit.value) : setIn(result, edit.path, edit.value);
  }
  return result;
}

/**
 * The edits that write `positions` into `metadata.layout` of the text read as `view`: none when nothing moved; the
 * whole block added at once when there is none yet (a first move or auto-layout writes a tidy `layout:` with one line
 * per node); one entry replaced as a whole for a move (no per-key diff between x and y); else one rewrite of the block,
 * existing order kept, new ids last. Each is a single splice, so they batch with other edits on one parse.
 */
function layoutEdits(view: SpecView, positions: Record<string, Position>): BatchEdit[] {
  const changed = Object.entries(positions)
    .map(([id, p]) => [id, roundPosition(p)] as const)
    .filter(([id, p]) => !deepEqual(view.layout[id], p));
  if (changed.length === 0) return [];
  if (!view.layoutDeclared) return [{ path: LAYOUT, value: Object.fromEntries(changed.map(([id, p]) => [id, { x: p.x, y: p.y }])) }];
  if (changed.length === 1) {
    const [id, p] = changed[0];
    return [{ path: [...LAYOUT, id], value: { x: p.x, y: p.y }, whole: true }];
  }
  const layout: Record<string, JsonValue> = {};
  for (const [id, p] of Object.entries(view.layout)) layout[id] = { x: p.x, y: p.y };
  for (const [id, p] of changed) layout[id] = { x: p.x, y: p.y };
  return [{ path: LAYOUT, value: layout, whole: true }];
}

// ---- the builder's edits --------------------------------------------------------------------------------------

export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem = (base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+/, '') || 'node').slice(0, MAX_ID_LENGTH - 4);
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** Settings a new node starts with: each required setting that has a default or an example. */
export function initialSettings(kind: NodeKind): Record<string, JsonValue> {
  const settings: Record<string, JsonValue> = {};
  for (const name of kind.schema.required ?? []) {
    if (name === 'id' || name === 'type' || name === 'inputs') continue;
    const property = kind.schema.properties?.[name];
    const value = property?.default ?? property?.examples?.[0];
    if (value !== undefined) settings[name] = value as JsonValue;
  }
  return settings;
}

export interface NewNode {
  readonly type: string;
  readonly id?: string;
  readonly inputs?: readonly InputRef[];
  readonly settings?: Record<string, JsonValue>;
  readonly position?: Position;
}

/**
 * Appends a node; its position, and `placeAlso` (the places of the other nodes as drawn, so that nodes laid out on
 * screen only do not move when the first node is placed), go into `metadata.layout`. One parse of `text` when the
 * edits batch (the usual case), else step by step.
 */
export function addNode(text: string, node: NewNode, placeAlso: Record<string, Position> = {}): { text: string; id: string } {
  const view = viewOf(text);
  const id = node.id ?? uniqueId(node.type, view.nodes.map((n) => n.id));
  if (view.nodes.some((n) => n.id === id)) throw new YamlEditError(`A node "${id}" already exists.`);
  const append: BatchEdit = { path: [...NODES, view.nodes.length], value: nodeObject({ id, type: node.type, inputs: node.inputs ?? [], settings: node.settings ?? {} }, false) };
  const positions = node.position ? { ...placeAlso, [id]: node.position } : placeAlso;
  const batched = setMany(text, [append, ...layoutEdits(view, positions)]);
  if (batched !== null) return { text: batched, id };
  const result = setIn(text, append.path, (append as { value: JsonValue }).value);
  return { text: writeLayout(result, positions, []), id };
}

/** Removes nodes, the inputs that read from them, and their layout entries. */
export function removeNodes(text: string, ids: readonly string[]): string {
  const gone = new Set(ids);
  const view = viewOf(text);
  // One parse: every input that reads from a removed node, the nodes and their layout entries, planned together.
  const batch: BatchEdit[] = [];
  for (const node of view.nodes) {
    if (gone.has(node.id)) batch.push({ path: [...NODES, node.index], value: undefined });
    else node.inputs.forEach((input, i) => gone.has(input.node) && batch.push({ path: [...NODES, node.index, 'inputs', i], value: undefined }));
  }
  for (const id of ids) if (view.layout[id]) batch.push({ path: [...LAYOUT, id], value: undefined });
  const batched = setMany(text, batch);
  if (batched !== null) return batched;
  // Several removals from one list (several nodes, or a node read twice by one reader): step by step.
  let result = text;
  for (const node of view.nodes) {
    if (gone.has(node.id)) continue;
    const kept = node.inputs.filter((input) => !gone.has(input.node));
    if (kept.length !== node.inputs.length) result = setIn(result, [...NODES, node.index, 'inputs'], kept.map(formatInputRef));
  }
  const graphNodes = viewOf(result).nodes.filter((n) => !gone.has(n.id));
  return writeGraphNodesOnly(result, graphNodes.map((n) => n.id));
}

function writeGraphNodesOnly(text: string, keep: readonly string[]): string {
  const wanted = new Set(keep);
  const view = viewOf(text);
  let result = text;
  const removed = view.nodes.filter((n) => !wanted.has(n.id)).sort((a, b) => b.index - a.index);
  for (const node of removed) result = setIn(result, [...NODES, node.index], undefined);
  return writeLayout(result, {}, removed.map((n) => n.id));
}

/** Wires `source` (optionally a side output) into `target`; at `targetIndex` when the target's inputs are ports. */
export function connect(text: string, source: InputRef, target: string, targetIndex?: number): string {
  const view = viewOf(text);
  const node = nodeById(view, target);
  if (source.node === target) throw new YamlEditError(`A node cannot read its own output ("${target}").`);
  const inputs = node.inputs.map(formatInputRef);
  const ref = formatInputRef(source);
  if (targetIndex !== undefined && targetIndex < inputs.length) inputs[targetIndex] = ref;
  else if (!inputs.includes(ref)) inputs.push(ref);
  return setIn(text, [...NODES, node.index, 'inputs'], inputs);
}

export function disconnect(text: string, target: string, inputIndex: number): string {
  const view = viewOf(text);
  const node = nodeById(view, target);
  const inputs = node.inputs.map(formatInputRef).filter((_, i) => i !== inputIndex);
  return setIn(text, [...NODES, node.index, 'inputs'], inputs);
}

/** Replaces a node's settings (everything but id, type and inputs) with `settings`, editing only the differences. */
export function setNodeSettings(text: string, id: string, settings: Record<string, JsonValue>): string {
  const view = viewOf(text);
  const node = nodeById(view, id);
  let result = text;
  for (const key of Object.keys(node.settings)) if (!(key in settings)) result = setIn(result, [...NODES, node.index, key], undefined);
  // Only the keys that differ: every edit makes a new text, and each later setIn would have to parse it again.
  for (const [key, value] of Object.entries(settings)) if (!deepEqual(node.settings[key], value)) result = setIn(result, [...NODES, node.index, key], value);
  return result;
}

/**
 * Writes node places into `metadata.layout`. The view of the result is derived from the view before (movedView.ts)
 * and remembered, so the builder shows a move without parsing the new text; `readyForEdits` parses it later.
 */
export function setPositions(text: string, positions: Record<string, Position>): string {
  const view = viewOf(text);
  const result = writeLayout(text, positions, []);
  if (result === text) return result;
  const rounded = Object.fromEntries(Object.entries(positions).map(([id, p]) => [id, roundPosition(p)]));
  const moved = movedView(text, parseCached(text).doc, view, result, rounded);
  if (moved !== null) rememberView(result, moved);
  return result;
}

/**
 * Parses `text` now, so that the next edit of it does not: for a text whose view an edit derived without a parse
 * (a move), called by the builder when the page is idle after showing it. Costs nothing for a text already parsed.
 */
export function readyForEdits(text: string): void {
  parseCached(text);
}

export function checkNewId(id: string, taken: Iterable<string>): string | null {
  if (!ID_PATTERN.test(id)) return 'An id starts with a lowercase letter and has only lowercase letters, digits and "-".';
  if (id.length > MAX_ID_LENGTH) return `An id has at most ${MAX_ID_LENGTH} characters.`;
  for (const other of taken) if (other === id) return `A node "${id}" already exists.`;
  return null;
}

/** Renames a node everywhere: its id, every input that reads from it, and its layout entry. */
export function renameNode(text: string, from: string, to: string): string {
  if (from === to) return text;
  const view = viewOf(text);
  const node = nodeById(view, from);
  const problem = checkNewId(to, view.nodes.map((n) => n.id));
  if (problem) throw new YamlEditError(problem);
  // One parse: the id, every reader's input and the layout key (renamed in place) are replaced together.
  const batch: BatchEdit[] = [{ path: [...NODES, node.index, 'id'], value: to }];
  for (const reader of view.nodes) {
    reader.inputs.forEach((input, i) => {
      if (input.node === from) batch.push({ path: [...NODES, reader.index, 'inputs', i], value: formatInputRef({ node: to, port: input.port }) });
    });
  }
  if (view.layout[from]) batch.push({ path: [...LAYOUT, from], renameKey: to });
  const batched = setMany(text, batch);
  if (batched !== null) return batched;
  let result = setIn(text, [...NODES, node.index, 'id'], to);
  for (const reader of view.nodes) {
    reader.inputs.forEach((input, i) => {
      if (input.node === from) result = setIn(result, [...NODES, reader.index, 'inputs', i], formatInputRef({ node: to, port: input.port }));
    });
  }
  const position = view.layout[from];
  if (position) {
    result = setIn(result, [...LAYOUT, from], undefined);
    result = setIn(result, [...LAYOUT, to], { x: position.x, y: position.y });
  }
  return result;
}

export interface CopiedNode {
  readonly id: string;
  readonly type: string;
  readonly inputs: readonly InputRef[];
  readonly settings: Record<string, JsonValue>;
  readonly position: Position | null;
}

export function copyNodes(text: string, ids: readonly string[]): CopiedNode[] {
  const view = viewOf(text);
  const wanted = new Set(ids);
  return view.nodes
    .filter((n) => wanted.has(n.id) && n.hasId)
    .map((n) => ({ id: n.id, type: n.type, inputs: n.inputs, settings: { ...n.settings }, position: view.layout[n.id] ?? null }));
}

/**
 * Pastes copies with fresh ids; inputs between pasted nodes follow the copies, inputs from nodes outside the copy
 * keep reading from the originals. Returns the new ids.
 */
export function pasteNodes(text: string, copied: readonly CopiedNode[], offset: Position): { text: string; ids: string[] } {
  const taken = new Set(viewOf(text).nodes.map((n) => n.id));
  const renamed = new Map<string, string>();
  for (const node of copied) {
    const id = uniqueId(`${node.id}-copy`, taken);
    taken.add(id);
    renamed.set(node.id, id);
  }
  let result = text;
  for (const node of copied) {
    const inputs = node.inputs.map((input) => ({ node: renamed.get(input.node) ?? input.node, port: input.port }));
    const position = node.position ? { x: node.position.x + offset.x, y: node.position.y + offset.y } : undefined;
    result = addNode(result, { type: node.type, id: renamed.get(node.id)!, inputs, settings: node.settings, position }).text;
  }
  return { text: result, ids: [...renamed.values()] };
}
