/**
 * Deploy a pipeline version as a new job: version, parallelism, and optionally the savepoint (or checkpoint) of one
 * of the pipeline's jobs to start from. When the server answers with a per-node state diff that drops state, the
 * deploy waits for an explicit confirmation (checkbox) and is sent again with it.
 */
import { useEffect, useState } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import { seg, TERMINAL_STATES, type Checkpoint, type Job, type VersionSummary } from '../api/types';
import { Dialog } from '../shell/Dialog';
import { formatTime } from '../shell/useLoad';
import { droppedNodes, readStateDiff, type StateDiff } from './stateDiff';
import { StateDiffPanel } from './StateDiffPanel';

interface SavepointChoice {
  readonly jobId: string;
  readonly checkpoint: Checkpoint;
}

/** How many of the pipeline's newest jobs are asked for their savepoints. */
const SAVEPOINT_JOBS = 10;

export function DeployDialog({
  api,
  pipeline,
  versions,
  jobs,
  onClose,
  onDeployed,
}: {
  api: ApiClient;
  pipeline: string;
  versions: readonly VersionSummary[];
  jobs: readonly Job[];
  onClose: () => void;
  onDeployed: (job: Job) => void;
}) {
  const [version, setVersion] = useState(versions[0]?.version ?? 1);
  const [parallelism, setParallelism] = useState('');
  const [savepoints, setSavepoints] = useState<readonly SavepointChoice[] | string>('loading');
  const [from, setFrom] = useState('');
  const [stateDiff, setStateDiff] = useState<StateDiff | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = jobs.find((j) => !TERMINAL_STATES.has(j.state));

  useEffect(() => {
    let live = true;
    const newest = [...jobs].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, SAVEPOINT_JOBS);
    Promise.all(newest.map((j) => api.get<Checkpoint[]>(`/api/v1/jobs/${seg(j.id)}/savepoints`).then((list) => list.map((checkpoint) => ({ jobId: j.id, checkpoint })))))
      .then((lists) => live && setSavepoints(lists.flat().filter((s) => s.checkpoint.status === 'COMPLETED' && s.checkpoint.usable)))
      .catch((e: unknown) => live && setSavepoints(`Savepoints could not be listed: ${e instanceof Error ? e.message : String(e)}`));
    return () => {
      live = false;
    };
  }, [api, jobs]);

  const parsedParallelism = parallelism.trim() === '' ? null : Number(parallelism);
  const parallelismProblem = parsedParallelism !== null && (!Number.isInteger(parsedParallelism) || parsedParallelism < 1) ? 'Parallelism is a whole number, 1 or more (empty: the spec’s own).' : null;
  const mustConfirm = stateDiff !== null && droppedNodes(stateDiff).length > 0;

  const deploy = async () => {
    setBusy(true);
    setError(null);
    const choice = typeof savepoints === 'string' ? undefined : savepoints.find((s) => `${s.jobId}/${s.checkpoint.id}` === from);
    const body: Record<string, unknown> = { version };
    if (parsedParallelism !== null) body.parallelism = parsedParallelism;
    if (choice) body.fromSavepoint = { jobId: choice.jobId, checkpointId: choice.checkpoint.id };
    if (mustConfirm && confirmed) body.confirmDroppedState = true;
    try {
      const job = await api.post<Job>(`/api/v1/pipelines/${seg(pipeline)}/deploy`, { json: body });
      const diff = readStateDiff(job);
      if (diff && droppedNodes(diff).length > 0 && !confirmed) {
        // The server deployed and reported what it dropped: show it rather than leave silently.
        setStateDiff(diff);
        setError(null);
      }
      onDeployed(job);
    } catch (e) {
      const diff = e instanceof ApiError ? readStateDiff(e.problem) : null;
      if (diff) setStateDiff(diff);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Deploy ${pipeline}`} onClose={onClose}>
      <form
        aria-label="Deploy settings"
        onSubmit={(e) => {
          e.preventDefault();
          void deploy();
        }}
      >
        <label>
          Version{' '}
          <select aria-label="Version" value={version} onChange={(e) => setVersion(Number(e.currentTarget.value))}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version} — {v.author}, {formatTime(v.createdAt)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Parallelism{' '}
          <input aria-label="Parallelism" inputMode="numeric" placeholder="spec's own" value={parallelism} onChange={(e) => setParallelism(e.currentTarget.value)} aria-invalid={parallelismProblem !== null} />
        </label>
        {parallelismProblem && <p className="field-error">{parallelismProblem}</p>}
        <label>
          Start from{' '}
          <select aria-label="Start from savepoint" value={from} onChange={(e) => setFrom(e.currentTarget.value)} disabled={typeof savepoints === 'string'}>
            <option value="">empty state (no savepoint)</option>
            {typeof savepoints !== 'string' &&
              savepoints.map((s) => (
                <option key={`${s.jobId}/${s.checkpoint.id}`} value={`${s.jobId}/${s.checkpoint.id}`}>
                  savepoint {s.checkpoint.id} of job {s.jobId.slice(0, 8)} — {formatTime(s.checkpoint.completedAt ?? s.checkpoint.createdAt)}
                </option>
              ))}
          </select>
        </label>
        {savepoints === 'loading' ? <p className="muted">Listing savepoints…</p> : typeof savepoints === 'string' ? <p className="field-error">{savepoints}</p> : savepoints.length === 0 && <p className="muted">This pipeline&apos;s jobs have no savepoint: the job starts with empty state.</p>}
        {running && (
          <p className="notice">
            Job {running.id.slice(0, 8)} of this pipeline is {running.state} (v{running.pipeline?.version}). Deploying starts another job; stop it with a savepoint first to carry its state over.
          </p>
        )}
        {stateDiff && (
          <section aria-label="State diff">
            <h3>State of each node</h3>
            <StateDiffPanel diff={stateDiff} />
            {mustConfirm && (
              <label className="confirm">
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} /> I understand that the state of {droppedNodes(stateDiff).map((n) => n.nodeId).join(', ')} is dropped
              </label>
            )}
          </section>
        )}
        {error && (
          <p className="error-state" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={busy || parallelismProblem !== null || (mustConfirm && !confirmed)}>
            {busy ? 'Deploying…' : 'Deploy'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
