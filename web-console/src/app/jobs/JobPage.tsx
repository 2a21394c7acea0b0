/**
 * One job: state and controls (polled every 2 s while the page is open), the running graph of chained operators with
 * per-chain rates, backpressure colouring, watermark and Kafka lag and a bottleneck hint, the checkpoint history and
 * the exceptions history.
 */
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApiClient } from '../api/client';
import { seg, TERMINAL_STATES, type Bottleneck, type Checkpoint, type Job, type JobFailure, type JobMetrics, type Plan } from '../api/types';
import { useAccess } from '../auth/access';
import { formatBytes, formatTime, useLoad } from '../shell/useLoad';
import { usePoll } from '../shell/usePoll';
import { buildJobGraph, formatLag, formatRate, pressureLevel, type ChainView, type JobGraph } from './jobGraph';
import { JobStateBadge } from './JobStateBadge';

const POLL_MS = 2000;

export function JobPage({ api }: { api: ApiClient }) {
  const id = useParams().id ?? '';
  const job = usePoll(() => api.get<Job>(`/api/v1/jobs/${seg(id)}`), POLL_MS, [api, id]);
  const metrics = usePoll(() => api.get<JobMetrics>(`/api/v1/jobs/${seg(id)}/metrics`), POLL_MS, [api, id]);
  const checkpoints = usePoll(() => api.get<Checkpoint[]>(`/api/v1/jobs/${seg(id)}/checkpoints`), POLL_MS, [api, id]);
  const failures = usePoll(() => api.get<JobFailure[]>(`/api/v1/jobs/${seg(id)}/exceptions`), POLL_MS, [api, id]);
  const pipeline = job.data?.pipeline ?? null;
  const [plan] = useLoad<Plan | null>(
    async () => {
      if (!pipeline) return null;
      const spec = await api.getText(`/api/v1/pipelines/${seg(pipeline.name)}/versions/${pipeline.version}`);
      return api.post<Plan>('/api/v1/pipelines:plan', { text: spec, contentType: spec.trimStart().startsWith('{') ? 'application/json' : 'application/yaml' });
    },
    [api, pipeline?.name, pipeline?.version],
  );

  if (!job.data) {
    return (
      <section className="page" aria-labelledby="job-title">
        <h2 id="job-title">Job {id}</h2>
        {job.error ? (
          <p className="error-state" role="alert">
            The job could not be loaded: {job.error} <Link to="/jobs">Back to jobs</Link>
          </p>
        ) : (
          <p className="loading" role="status">Loading the job…</p>
        )}
      </section>
    );
  }
  const current = job.data;
  // An ended job's last per-second rates and gauges are not live any more: they are blanked, not shown as if they were.
  const ended = TERMINAL_STATES.has(current.state);
  const live = ended ? null : metrics.data;
  const graph = buildJobGraph(plan.state === 'done' ? plan.data : null, current, live?.tasks ?? []);
  return (
    <section className="page" aria-labelledby="job-title">
      <div className="page-head">
        <h2 id="job-title">
          Job {current.name} <span className="muted">{current.id}</span>
        </h2>
        <JobStateBadge state={current.state} />
      </div>
      {job.error && (
        <p className="error-state" role="alert">
          Refreshing failed (showing the last state): {job.error}
        </p>
      )}
      <dl className="facts">
        <dt>Pipeline</dt>
        <dd>{pipeline ? <Link to={`/pipelines/${seg(pipeline.name)}`}>{`${pipeline.name} v${pipeline.version}`}</Link> : 'submitted as a raw spec'}</dd>
        <dt>Why</dt>
        <dd>{current.stateReason ?? '—'}</dd>
        <dt>Attempt</dt>
        <dd>{current.attempt}</dd>
        <dt>Parallelism</dt>
        <dd>{current.parallelism ?? "spec's own"}</dd>
        <dt>Records in / out</dt>
        <dd>
          <span aria-label="Job records in per second">{formatRate(live?.recordsInPerSecond ?? null)}</span> / <span aria-label="Job records out per second">{formatRate(live?.recordsOutPerSecond ?? null)}</span>
          {ended && <span className="muted"> (the job has ended: no live rates)</span>}
        </dd>
      </dl>
      <JobControls api={api} job={current} onChanged={job.refresh} />
      <h3>Running graph</h3>
      {metrics.error && <p className="error-state" role="alert">Metrics could not be loaded: {metrics.error}</p>}
      {plan.state === 'error' && <p className="muted">The plan could not be computed ({plan.message}); chains are shown from the job&apos;s tasks.</p>}
      <BottleneckHintView graph={graph} ended={ended} metrics={live} />
      <GraphView graph={graph} ended={ended} />
      <h3>Checkpoints</h3>
      <CheckpointTable checkpoints={checkpoints.data} error={checkpoints.error} />
      <h3>Exceptions</h3>
      <Exceptions failures={failures.data} error={failures.error} />
    </section>
  );
}

function JobControls({ api, job, onChanged }: { api: ApiClient; job: Job; onChanged: () => void }) {
  const access = useAccess();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [parallelism, setParallelism] = useState('');
  if (!access.can('operate')) return null;
  const ended = TERMINAL_STATES.has(job.state);
  const run = async (label: string, call: () => Promise<Job>, followNewJob = false) => {
    setBusy(label);
    setError(null);
    try {
      const result = await call();
      if (followNewJob && result.id !== job.id) navigate(`/jobs/${result.id}`);
      onChanged();
    } catch (e) {
      setError(`${label} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };
  const base = `/api/v1/jobs/${seg(job.id)}`;
  const rescaleTo = Number(parallelism);
  const rescaleValid = Number.isInteger(rescaleTo) && rescaleTo >= 1;
  return (
    <div className="toolbar" role="toolbar" aria-label="Job actions">
      {!ended && (
        <>
          <button type="button" disabled={busy !== null} onClick={() => void run('Stop', () => api.request<Job>('POST', `${base}/stop`))}>
            Stop
          </button>
          <button type="button" disabled={busy !== null} onClick={() => void run('Stop with savepoint', () => api.request<Job>('POST', `${base}/stop-with-savepoint`))}>
            Stop with savepoint
          </button>
          <label>
            Parallelism{' '}
            <input aria-label="New parallelism" inputMode="numeric" size={4} value={parallelism} onChange={(e) => setParallelism(e.currentTarget.value)} />
          </label>
          <button type="button" disabled={busy !== null || !rescaleValid} onClick={() => void run('Rescale', () => api.post<Job>(`${base}/rescale`, { json: { parallelism: rescaleTo } }))}>
            Rescale
          </button>
        </>
      )}
      <button type="button" disabled={busy !== null} onClick={() => void run('Restart', () => api.request<Job>('POST', `${base}/restart`), true)}>
        Restart
      </button>
      {busy && (
        <span role="status" className="muted">
          {busy}… (waits for the job)
        </span>
      )}
      {error && (
        <p className="error-state" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const BOTTLENECK_RULE =
  "The control plane's rule: a task busy at least 80 % of the time, not backpressured itself, while one of its input tasks waits for it (backpressured at least 50 % of the time); the one nearest the sources. A busy source nobody waits on is only a full pipeline.";

function chainName(chain: ChainView | undefined, id: string): string {
  return chain && chain.operators.length > 0 ? chain.operators.map((o) => o.id).join(' → ') : id;
}

const percent = (ratio: number) => `${Math.round(ratio * 100)} %`;

/** The API's hint (`bottleneck` of the job metrics); the console computes none of its own. */
function BottleneckHintView({ graph, ended, metrics }: { graph: JobGraph; ended: boolean; metrics: JobMetrics | null | undefined }) {
  const name = (id: string) => chainName(graph.chains.find((c) => c.id === id), id);
  const hint: Bottleneck | null | undefined = metrics?.bottleneck;
  let body: ReactNode;
  if (ended) body = 'The job has ended: no live bottleneck.';
  else if (!metrics) body = 'No metrics yet.';
  else if (!hint) body = 'No bottleneck: no task is saturated while another waits on it.';
  else {
    const waiting = hint.backpressuredInputs.map((i) => `${name(i.chainId)} (${percent(i.backpressureRatio)} backpressured)`).join(', ');
    body = (
      <>
        Bottleneck: <strong>{name(hint.chainId)}</strong> (subtask {hint.subtask}) is busy {percent(hint.busyRatio)} of the time while {waiting}{' '}
        {hint.backpressuredInputs.length === 1 ? 'waits' : 'wait'} for it. <span className="muted">{hint.reason}</span>
      </>
    );
  }
  return (
    <p className="bottleneck" role="note" aria-label="Bottleneck hint" title={BOTTLENECK_RULE}>
      {body}{' '}
      <abbr title={BOTTLENECK_RULE} aria-label={BOTTLENECK_RULE} tabIndex={0}>
        (how?)
      </abbr>
    </p>
  );
}

function GraphView({ graph, ended }: { graph: JobGraph; ended: boolean }) {
  if (graph.chains.length === 0) return <p className="empty-hint">No tasks yet: the graph appears once the job is deployed.</p>;
  const byId = new Map(graph.chains.map((c) => [c.id, c]));
  return (
    <div className="job-graph" role="list" aria-label="Job graph">
      {graph.layers.map((layer, i) => (
        <div className="job-layer" key={i}>
          {layer.map((id) => (
            <ChainBox key={id} chain={byId.get(id)!} targets={graph.edges.filter((e) => e.from === id)} ended={ended} />
          ))}
        </div>
      ))}
    </div>
  );
}

function ChainBox({ chain, targets, ended }: { chain: ChainView; targets: readonly { to: string; partitioning: string }[]; ended: boolean }) {
  const level = ended ? 'ended' : pressureLevel(chain.backpressure);
  const name = chainName(chain, chain.id);
  return (
    <article className={`chain pressure-${level}`} role="listitem" aria-label={`Chain ${name}`}>
      <h4>{name}</h4>
      {chain.operators.length > 0 && <p className="muted">{chain.operators.map((o) => o.kind).join(' → ')}</p>}
      <dl>
        <dt>in</dt>
        <dd aria-label={`${name} records in per second`}>{formatRate(chain.recordsInPerSecond)}</dd>
        <dt>out</dt>
        <dd aria-label={`${name} records out per second`}>{formatRate(chain.recordsOutPerSecond)}</dd>
        <dt>backpressure</dt>
        <dd>
          {ended ? '—' : `${Math.round(chain.backpressure * 100)} % (${level})`}
        </dd>
        <dt>watermark lag</dt>
        <dd>{formatLag(chain.watermarkLagMillis)}</dd>
        {chain.kafkaLag !== null && (
          <>
            <dt>Kafka lag</dt>
            <dd>{chain.kafkaLag} records</dd>
          </>
        )}
        <dt>subtasks</dt>
        <dd>
          {chain.reporting}/{chain.parallelism} reporting
        </dd>
      </dl>
      {targets.length > 0 && <p className="muted">→ {targets.map((t) => `${t.to} (${t.partitioning})`).join(', ')}</p>}
    </article>
  );
}

function CheckpointTable({ checkpoints, error }: { checkpoints: readonly Checkpoint[] | null; error: string | null }) {
  if (error && !checkpoints) return <p className="error-state" role="alert">Checkpoints could not be loaded: {error}</p>;
  if (!checkpoints) return <p className="loading" role="status">Loading checkpoints…</p>;
  if (checkpoints.length === 0) return <p className="empty-hint">No checkpoint yet.</p>;
  return (
    <table className="data" aria-label="Checkpoint history">
      <thead>
        <tr>
          <th scope="col">Id</th>
          <th scope="col">Kind</th>
          <th scope="col">Status</th>
          <th scope="col">Duration</th>
          <th scope="col">Size</th>
          <th scope="col">Completed</th>
          <th scope="col">Failure reason</th>
        </tr>
      </thead>
      <tbody>
        {checkpoints.map((c) => (
          <tr key={`${c.id}/${c.attempt}`} className={c.status === 'FAILED' ? 'bad' : undefined}>
            <td>{c.id}</td>
            <td>{c.kind}</td>
            <td>{c.status}</td>
            <td>{c.completedAt ? `${Math.max(0, new Date(c.completedAt).getTime() - new Date(c.createdAt).getTime())} ms` : '—'}</td>
            <td>{formatBytes(c.stateSizeBytes)}</td>
            <td>{formatTime(c.completedAt)}</td>
            <td>{c.failureReason ?? (c.usable ? '' : `unusable: ${c.unusableReason ?? ''}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Exceptions({ failures, error }: { failures: readonly JobFailure[] | null; error: string | null }) {
  if (error && !failures) return <p className="error-state" role="alert">Exceptions could not be loaded: {error}</p>;
  if (!failures) return <p className="loading" role="status">Loading exceptions…</p>;
  if (failures.length === 0) return <p className="empty-hint">No failure so far.</p>;
  return (
    <ol className="exceptions" aria-label="Exceptions history">
      {[...failures].reverse().map((f) => (
        <li key={`${f.attempt}-${f.at}`}>
          <strong>{formatTime(f.at)}</strong> attempt {f.attempt} — {f.outcome === 'FAILED' ? 'the job failed (no more restarts)' : 'the job restarted'}
          <pre className="cause">{f.cause}</pre>
        </li>
      ))}
    </ol>
  );
}
