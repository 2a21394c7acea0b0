/**
 * Node kinds as the console sees them, read from the pipeline JSON Schema and nothing else: every `$defs/node-<type>`
 * entry is a kind, with its role (`x-millrace-role`), side outputs (`x-millrace-side-outputs`), input count bounds
 * (`inputs.minItems/maxItems`) and the settings schema that drives its form. A connector added to the catalog on the
 * server therefore shows up in the palette with no console change.
 */

export type JsonSchema = {
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
  allOf?: JsonSchema[];
  'x-millrace-role'?: string;
  'x-millrace-side-outputs'?: string[];
  'x-millrace-expression'?: string;
  'x-millrace-format'?: string;
  [keyword: string]: unknown;
};

export type NodeRole = 'source' | 'transform' | 'window-join' | 'sink';

export const ROLES: ReadonlyArray<{ role: NodeRole; label: string }> = [
  { role: 'source', label: 'Sources' },
  { role: 'transform', label: 'Transforms' },
  { role: 'window-join', label: 'Windows & joins' },
  { role: 'sink', label: 'Sinks' },
];

export interface NodeKind {
  readonly type: string;
  readonly description: string;
  readonly role: NodeRole;
  readonly sideOutputs: readonly string[];
  readonly minInputs: number;
  readonly maxInputs: number;
  /** Names of the input ports when the order of inputs matters (join: left, right). */
  readonly inputPorts: readonly string[];
  /** The kind's schema (`$defs/node-<type>`). */
  readonly schema: JsonSchema;
  /** Reference of that schema for a validator that holds the whole document. */
  readonly schemaRef: string;
}

const NODE_DEF = /^node-(.+)$/;
const KNOWN_ROLES = new Set<string>(ROLES.map((r) => r.role));
/** Without a maxItems, inputs are unbounded (union). */
const UNBOUNDED = Number.POSITIVE_INFINITY;

export function nodeKindsOf(schema: JsonSchema): Map<string, NodeKind> {
  const kinds = new Map<string, NodeKind>();
  for (const [name, def] of Object.entries(schema.$defs ?? {})) {
    const match = NODE_DEF.exec(name);
    if (!match) continue;
    const type = match[1];
    const inputs = def.properties?.inputs;
    const role = def['x-millrace-role'] ?? '';
    const minInputs = inputs ? inputs.minItems ?? 1 : 0;
    const maxInputs = inputs ? inputs.maxItems ?? UNBOUNDED : 0;
    kinds.set(type, {
      type,
      description: def.description ?? '',
      role: (KNOWN_ROLES.has(role) ? role : roleFromInputs(inputs !== undefined)) as NodeRole,
      sideOutputs: def['x-millrace-side-outputs'] ?? [],
      minInputs,
      maxInputs,
      inputPorts: inputPortsOf(def, minInputs, maxInputs),
      schema: def,
      schemaRef: `${schema.$id ?? ''}#/$defs/${name}`,
    });
  }
  return kinds;
}

function roleFromInputs(hasInputs: boolean): NodeRole {
  return hasInputs ? 'transform' : 'source';
}

/**
 * A kind with a fixed number (≥ 2) of ordered inputs names its ports in its description, as
 * "inputs: [left, right]" or "exactly 2 inputs: stream then table"; otherwise the ports are numbered.
 */
function inputPortsOf(def: JsonSchema, min: number, max: number): string[] {
  if (max === UNBOUNDED || max < 2 || min !== max) return [];
  const text = def.description ?? '';
  const bracketed = /inputs:\s*\[([^\]]+)\]/.exec(text);
  const listed = bracketed ? bracketed[1].split(',') : /inputs:\s*([a-z]+(?:\s+then\s+[a-z]+)+)/.exec(text)?.[1].split(/\s+then\s+/);
  const names = (listed ?? []).map((n) => n.trim()).filter((n) => /^[a-z]+$/.test(n));
  return names.length === max ? names : Array.from({ length: max }, (_, i) => `input ${i + 1}`);
}

export function kindsByRole(kinds: Map<string, NodeKind>): Map<NodeRole, NodeKind[]> {
  const grouped = new Map<NodeRole, NodeKind[]>(ROLES.map((r) => [r.role, []]));
  for (const kind of kinds.values()) grouped.get(kind.role)!.push(kind);
  for (const list of grouped.values()) list.sort((a, b) => a.type.localeCompare(b.type));
  return grouped;
}
