/**
 * Live preview in the builder: sample records per source node (datagen sources generate their own), run the draft on
 * a worker (`POST /api/v1/pipelines:preview`), then the selected node's output as a table and each error on its node.
 * "Infer schema" turns a source's samples into its `schema` setting (`POST /api/v1/pipelines:infer-schema`).
 */
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import type { InferredSchema, PreviewReport } from '../api/types';
import type { Catalog } from '../catalog/catalogSource';
import type { SpecView } from '../spec/specModel';
import { cell, columnsOf, parseSamples } from './samples';

export function PreviewPanel({
  api,
  text,
  view,
  catalog,
  selected,
  report,
  onReport,
  onSchema,
  disabled,
}: {
  api: ApiClient;
  text: string;
  view: SpecView;
  catalog: Catalog;
  selected: string | null;
  report: PreviewReport | null;
  onReport: (report: PreviewReport | null) => void;
  onSchema: (nodeId: string, schema: InferredSchema['schema']) => void;
  disabled: boolean;
}) {
  const sources = view.nodes.filter((n) => catalog.kinds.get(n.type)?.role === 'source');
  const [samples, setSamples] = useState<Record<string, string>>({});
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [inferNotes, setInferNotes] = useState<string | null>(null);

  const parsedFor = (id: string) => parseSamples(samples[id] ?? '');

  const run = async () => {
    setError(null);
    const body: Record<string, unknown[]> = {};
    for (const source of sources) {
      const parsed = parsedFor(source.id);
      if (!parsed.ok) {
        setError(`Samples of ${source.id}: ${parsed.message}`);
        return;
      }
      if (parsed.records.length > 0) body[source.id] = parsed.records;
    }
    setRunning(true);
    try {
      onReport(await api.post<PreviewReport>('/api/v1/pipelines:preview', { json: { spec: text, format: 'yaml', samples: body } }));
    } catch (e) {
      onReport(null);
      setError(`Preview failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setRunning(false);
    }
  };

  const infer = async (id: string) => {
    setError(null);
    setInferNotes(null);
    const parsed = parsedFor(id);
    if (!parsed.ok || parsed.records.length === 0) {
      setError(parsed.ok ? `Give ${id} some sample records first.` : `Samples of ${id}: ${parsed.message}`);
      return;
    }
    try {
      const inferred = await api.post<InferredSchema>('/api/v1/pipelines:infer-schema', { json: { samples: parsed.records } });
      onSchema(id, inferred.schema);
      setInferNotes(`Schema of ${id} inferred from ${inferred.samples} sample${inferred.samples === 1 ? '' : 's'}${inferred.notes.length > 0 ? `: ${inferred.notes.join(' ')}` : '.'}`);
    } catch (e) {
      setError(`Schema inference failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const output = selected && report ? report.nodes[selected] : undefined;
  const nodeErrors = selected && report ? report.errors.filter((e) => e.nodeId === selected) : [];
  return (
    <section className="preview-panel" aria-labelledby="preview-title">
      <h3 id="preview-title">Live preview</h3>
      {sources.length === 0 && <p className="empty-hint">Add a source node to preview the pipeline.</p>}
      {sources.map((source) => {
        const generated = source.type === 'datagen-source';
        const parsed = parsedFor(source.id);
        return (
          <div className="sample-source" key={source.id}>
            <label>
              Samples for {source.id} {generated ? '(optional: datagen generates records)' : '(JSON array or NDJSON)'}
              <textarea
                aria-label={`Samples for ${source.id}`}
                rows={3}
                value={samples[source.id] ?? ''}
                placeholder={generated ? 'leave empty to use generated data' : '{"line": "to be or not to be"}'}
                onChange={(e) => setSamples({ ...samples, [source.id]: e.currentTarget.value })}
              />
            </label>
            {!parsed.ok && <p className="field-error">{parsed.message}</p>}
            <input
              type="file"
              accept=".json,.ndjson,.jsonl,application/json"
              aria-label={`Upload samples for ${source.id}`}
              onChange={async (e) => {
                const file = e.currentTarget.files?.[0];
                if (file) setSamples({ ...samples, [source.id]: await file.text() });
              }}
            />
            <button type="button" onClick={() => void infer(source.id)} disabled={disabled}>
              Infer schema of {source.id}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => void run()} disabled={running || disabled || sources.length === 0}>
        {running ? 'Running preview…' : 'Run preview'}
      </button>
      {inferNotes && <p role="status">{inferNotes}</p>}
      {error && (
        <p className="error-state" role="alert">
          {error}
        </p>
      )}
      {report && (
        <p role="status" className="muted">
          Preview ran in {report.elapsedMs} ms{report.limitHit ? ' and hit its time limit: outputs are partial' : ''}. {report.errors.length > 0 ? `${report.errors.length} error(s) on nodes ${[...new Set(report.errors.map((e) => e.nodeId))].join(', ')}.` : ''}
        </p>
      )}
      {report && !selected && <p className="empty-hint">Select a node to see its output.</p>}
      {selected && report && (
        <div aria-label={`Preview output of ${selected}`} role="region">
          {nodeErrors.map((e, i) => (
            <p key={i} className="error-state" role="alert">
              {e.nodeId}: {e.message}
            </p>
          ))}
          {output ? <RecordTable records={output.records} count={output.count} truncated={output.truncated} node={selected} /> : <p className="empty-hint">{selected} emitted nothing in this preview.</p>}
        </div>
      )}
    </section>
  );
}

function RecordTable({ records, count, truncated, node }: { records: readonly unknown[]; count: number; truncated: boolean; node: string }) {
  const columns = columnsOf(records);
  return (
    <>
      <p className="muted">
        {count} record{count === 1 ? '' : 's'} out of {node}
        {truncated ? `, first ${records.length} shown` : ''}
      </p>
      <table className="data" aria-label={`Output of ${node}`}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c}>{cell(r, c)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
