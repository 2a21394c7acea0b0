/**
 * Renders JSON-like values as YAML source text, in the compact style of the spec examples: scalars plain when that
 * reads back as the same string, otherwise double-quoted; objects and lists in flow style (`{id: a, type: map}`,
 * `[a, b]`); in block position, an object of objects gets one line per entry (the shape of `metadata.layout`).
 */
import { parse } from 'yaml';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// Characters that cannot start a plain scalar, and sequences that end one early.
const BAD_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const BAD_INSIDE = /(: |:$| #|\t|\n|\r)/;
const FLOW_INDICATORS = /[,[\]{}]/;
const SNAKEYAML_STRINGS = new Set(['y', 'Y', 'n', 'N']);

export function isPlainObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function renderScalar(value: string | number | boolean | null, inFlow: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return String(value);
  return isSafePlain(value, inFlow) ? value : JSON.stringify(value);
}

// A node id, a key like `x` or `y`: plain in YAML 1.2 and SnakeYAML unless it is one of these words (booleans, null;
// YAML 1.1 also has `y`/`n` as booleans, but SnakeYAML reads them as strings, see SNAKEYAML_STRINGS).
const WORD = /^[a-z][a-z0-9-]*$/;
const YAML_WORDS = /^(?:yes|no|on|off|true|false|null|e-?[0-9]+)$/; // e5: a 1.1 float to the yaml library

function isSafePlain(text: string, inFlow: boolean): boolean {
  // The common case without the two trial parses below: writing 200 layout entries renders 600 keys.
  if (WORD.test(text) && !YAML_WORDS.test(text)) return true;
  if (text === '' || text !== text.trim()) return false;
  if (BAD_START.test(text) || BAD_INSIDE.test(text)) return false;
  if (inFlow && FLOW_INDICATORS.test(text)) return false;
  // Plain only if YAML 1.2 and YAML 1.1 readers (SnakeYAML: yes/no/on/off, 1_000...) read it back as this string.
  // SnakeYAML, unlike the YAML 1.1 spec, reads y and n as strings (the layout's `y:` keys).
  return readsAsString(text, '1.2') && (SNAKEYAML_STRINGS.has(text) || readsAsString(text, '1.1'));
}

function readsAsString(text: string, version: '1.1' | '1.2'): boolean {
  try {
    return parse(text, { version }) === text;
  } catch {
    return false;
  }
}

export function renderKey(key: string): string {
  return renderScalar(key, true);
}

export function renderFlow(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(renderFlow).join(', ')}]`;
  if (isPlainObject(value)) {
    return `{${Object.entries(value).map(([k, v]) => `${renderKey(k)}: ${renderFlow(v)}`).join(', ')}}`;
  }
  return renderScalar(value, true);
}

/**
 * The text after `key:` for a value in block position: ` scalar`, ` {flow}`, or for an object whose values are all
 * objects, a newline and one indented `child: {flow}` line per entry.
 */
export function renderBlockValue(value: JsonValue, childIndent: string): string {
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length > 0 && entries.every(([, v]) => isPlainObject(v))) {
      return entries.map(([k, v]) => `\n${childIndent}${renderKey(k)}: ${renderFlow(v)}`).join('');
    }
  }
  if (Array.isArray(value) || isPlainObject(value)) return ` ${renderFlow(value)}`;
  return ` ${renderScalar(value, false)}`;
}
