/**
 * Sample records typed, pasted or uploaded for a source node: a JSON array, one JSON value, or NDJSON (one JSON value
 * per line). A bad line is reported by its number, so the user can fix it in place.
 */
export type ParsedSamples = { readonly ok: true; readonly records: unknown[] } | { readonly ok: false; readonly message: string };

export function parseSamples(text: string): ParsedSamples {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, records: [] };
  if (trimmed.startsWith('[')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      if (Array.isArray(value)) return { ok: true, records: value };
    } catch (error) {
      return { ok: false, message: `Not a JSON array: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const records: unknown[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      // One pretty-printed object spans lines: accept the whole text as one value before blaming a line.
      try {
        return { ok: true, records: [JSON.parse(trimmed)] };
      } catch {
        return { ok: false, message: `Line ${i + 1} is not JSON: ${line.length > 60 ? `${line.slice(0, 60)}…` : line}. Use a JSON array or one JSON record per line (NDJSON).` };
      }
    }
  }
  return { ok: true, records };
}

/** The columns of a table of records: the union of the objects' keys in first-seen order; `value` for non-objects. */
export function columnsOf(records: readonly unknown[]): string[] {
  const columns: string[] = [];
  for (const record of records) {
    if (typeof record === 'object' && record !== null && !Array.isArray(record)) {
      for (const key of Object.keys(record)) if (!columns.includes(key)) columns.push(key);
    } else if (!columns.includes('value')) {
      columns.push('value');
    }
  }
  return columns;
}

export function cell(record: unknown, column: string): string {
  const value = typeof record === 'object' && record !== null && !Array.isArray(record) ? (record as Record<string, unknown>)[column] : column === 'value' ? record : undefined;
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
