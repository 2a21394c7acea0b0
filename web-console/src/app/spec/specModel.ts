/**
 * Reads a pipeline spec text into what the builder needs: the nodes (id, type, inputs, settings, source line) and
 * the editor layout. Reading never throws: a YAML syntax error comes back as located problems, and a node that is not
 * yet well formed (no id, say, while the user types) is still shown, under an id no real node can have.
 */
import { isSeq, type LineCounter, type Node as YamlNode } from 'yaml';
import { parseCached } from './yamlParse';
import { isPlainObject, type JsonValue } from './yamlRender';

export interface InputRef {
  readonly node: string;
  /** A side output (`late`, `dead-letter`) or null for the main output. */
  readonly port: string | null;
}

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface SpecNode {
  readonly id: string;
  /** False for a placeholder id given to a node item that has no valid `id` yet. */
  readonly hasId: boolean;
  readonly type: string;
  readonly inputs: readonly InputRef[];
  /** Whether the item has an `inputs` key (possibly an empty list). */
  readonly hasInputsKey: boolean;
  /** Every key except id, type and inputs, in source order. */
  readonly settings: Readonly<Record<string, JsonValue>>;
  /** Index in `spec.nodes`. */
  readonly index: number;
  /** 1-based line of the node item in the text. */
  readonly line: number;
}

export interface SpecView {
  readonly name: string;
  readonly nodes: readonly SpecNode[];
  readonly layout: Readonly<Record<string, Position>>;
  /** Whether `metadata.layout` exists in the text (possibly empty). */
  readonly layoutDeclared: boolean;
}

export interface SyntaxProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly from: number;
  readonly to: number;
}

export type ReadResult = { readonly ok: true; readonly view: SpecView } | { readonly ok: false; readonly problems: readonly SyntaxProblem[] };

export const SIDE_OUTPUT_SEPARATOR = '.';

export function parseInputRef(ref: string): InputRef {
  const dot = ref.indexOf(SIDE_OUTPUT_SEPARATOR);
  return dot < 0 ? { node: ref, port: null } : { node: ref.slice(0, dot), port: ref.slice(dot + 1) };
}

export function formatInputRef(ref: InputRef): string {
  return ref.port === null ? ref.node : `${ref.node}${SIDE_OUTPUT_SEPARATOR}${ref.port}`;
}

export function placeholderId(index: number): string {
  // `#` is outside the id pattern, so no real node can collide with it.
  return `#${index + 1}`;
}

/**
 * Views of texts an edit wrote whose view it knew without a parse (`rememberView`): the last few, keyed by the whole
 * text. Module state on purpose, as the parse cache beside it (yamlParse.ts): bounded, pure results, never modified.
 */
const KNOWN_VIEWS = 8;
const knownViews = new Map<string, SpecView>();

/**
 * Records the view of `text` that an edit derived from the view of the text it changed (a move only writes places):
 * `readSpec(text)` returns it without parsing. It must be what parsing `text` would give (specEdits.test.ts checks
 * this against real parses).
 */
export function rememberView(text: string, view: SpecView): void {
  knownViews.delete(text);
  knownViews.set(text, view);
  if (knownViews.size > KNOWN_VIEWS) knownViews.delete(knownViews.keys().next().value as string);
}

export function readSpec(text: string): ReadResult {
  const known = knownViews.get(text);
  return known ? { ok: true, view: known } : parseSpec(text);
}

/** Reads `text` by parsing it (a cached parse), never from a remembered view. */
export function parseSpec(text: string): ReadResult {
  const { doc, lines: lineCounter } = parseCached(text);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const [from, to] = error.pos;
        const { line, col } = lineCounter.linePos(from);
        return { message: error.message.split('\n')[0], line, column: col, from, to: Math.max(to, from + 1) };
      }),
    };
  }
  const root: unknown = doc.toJS({ maxAliasCount: 100 });
  const metadata = isPlainObject(root) && isPlainObject(root.metadata) ? root.metadata : {};
  const nodesNode = doc.getIn(['spec', 'nodes'], true) as YamlNode | undefined;
  const nodeItems: unknown[] = isPlainObject(root) && isPlainObject(root.spec) && Array.isArray(root.spec.nodes) ? root.spec.nodes : [];
  const nodes = nodeItems.map((item, index) => toSpecNode(item, index, lineOf(nodesNode, index, lineCounter)));
  return {
    ok: true,
    view: {
      name: typeof metadata.name === 'string' ? metadata.name : '',
      nodes,
      layout: layoutOf(metadata.layout),
      layoutDeclared: 'layout' in metadata,
    },
  };
}

function lineOf(nodes: YamlNode | undefined, index: number, lines: LineCounter): number {
  if (!isSeq(nodes)) return 1;
  const item = nodes.items[index] as YamlNode | undefined;
  return item?.range ? lines.linePos(item.range[0]).line : 1;
}

function toSpecNode(item: unknown, index: number, line: number): SpecNode {
  const fields = isPlainObject(item) ? item : {};
  const { id, type, inputs, ...settings } = fields;
  const hasId = typeof id === 'string' && id.length > 0;
  return {
    id: hasId ? id : placeholderId(index),
    hasId,
    type: typeof type === 'string' ? type : '',
    hasInputsKey: 'inputs' in fields,
    inputs: Array.isArray(inputs) ? inputs.filter((i): i is string => typeof i === 'string').map(parseInputRef) : [],
    settings,
    index,
    line,
  };
}

function layoutOf(layout: unknown): Record<string, Position> {
  const result: Record<string, Position> = {};
  if (!isPlainObject(layout)) return result;
  for (const [id, position] of Object.entries(layout)) {
    if (isPlainObject(position) && typeof position.x === 'number' && typeof position.y === 'number') {
      result[id] = { x: position.x, y: position.y };
    }
  }
  return result;
}
