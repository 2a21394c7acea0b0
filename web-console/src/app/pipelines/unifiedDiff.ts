/**
 * Reads the server's unified diff (`GET .../versions/{a}/diff/{b}`, `diff -u` format) into typed lines for display:
 * file headers, hunk headers with their line numbers, and each line with its old and new line number.
 */
export type DiffLine =
  | { readonly kind: 'file'; readonly text: string }
  | { readonly kind: 'hunk'; readonly text: string }
  | { readonly kind: 'context' | 'added' | 'removed'; readonly text: string; readonly oldLine: number | null; readonly newLine: number | null };

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function parseUnifiedDiff(diff: string): DiffLine[] {
  const lines: DiffLine[] = [];
  let oldLine = 0;
  let newLine = 0;
  const raw = diff.endsWith('\n') ? diff.slice(0, -1) : diff;
  if (raw.length === 0) return lines;
  for (const line of raw.split('\n')) {
    const hunk = HUNK.exec(line);
    if (line.startsWith('--- ') || line.startsWith('+++ ')) {
      lines.push({ kind: 'file', text: line });
    } else if (hunk) {
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      lines.push({ kind: 'hunk', text: line });
    } else if (line.startsWith('+')) {
      lines.push({ kind: 'added', text: line.slice(1), oldLine: null, newLine: newLine++ });
    } else if (line.startsWith('-')) {
      lines.push({ kind: 'removed', text: line.slice(1), oldLine: oldLine++, newLine: null });
    } else if (line.startsWith('\\')) {
      lines.push({ kind: 'hunk', text: line }); // "\ No newline at end of file"
    } else {
      lines.push({ kind: 'context', text: line.startsWith(' ') ? line.slice(1) : line, oldLine: oldLine++, newLine: newLine++ });
    }
  }
  return lines;
}

export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  return { added: lines.filter((l) => l.kind === 'added').length, removed: lines.filter((l) => l.kind === 'removed').length };
}
