import { diffStats, parseUnifiedDiff } from './unifiedDiff';

const SIGN = { added: '+', removed: '−', context: ' ' } as const;

export function DiffView({ diff, label }: { diff: string; label: string }) {
  const lines = parseUnifiedDiff(diff);
  if (lines.length === 0) return <p role="status">The two versions have the same spec text.</p>;
  const stats = diffStats(lines);
  return (
    <figure className="diff" aria-label={label}>
      <figcaption>
        {stats.added} line{stats.added === 1 ? '' : 's'} added, {stats.removed} removed
      </figcaption>
      <table>
        <tbody>
          {lines.map((line, i) =>
            line.kind === 'file' || line.kind === 'hunk' ? (
              <tr key={i} className={`diff-${line.kind}`}>
                <td colSpan={4}>{line.text}</td>
              </tr>
            ) : (
              <tr key={i} className={`diff-${line.kind}`}>
                <td className="ln">{line.oldLine ?? ''}</td>
                <td className="ln">{line.newLine ?? ''}</td>
                <td className="sign" aria-label={line.kind === 'context' ? undefined : line.kind}>
                  {SIGN[line.kind]}
                </td>
                <td>
                  <code>{line.text}</code>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </figure>
  );
}
