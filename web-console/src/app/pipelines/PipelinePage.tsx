/** One pipeline: its versions with a text diff between any two, its jobs, and the deploy dialog. */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApiClient } from '../api/client';
import { seg, type Job, type VersionSummary } from '../api/types';
import { useAccess } from '../auth/access';
import { DeployDialog } from '../deploy/DeployDialog';
import { JobStateBadge } from '../jobs/JobStateBadge';
import { formatTime, LoadView, useLoad } from '../shell/useLoad';
import { DiffView } from './DiffView';

export function PipelinePage({ api }: { api: ApiClient }) {
  const name = useParams().name ?? '';
  const access = useAccess();
  const navigate = useNavigate();
  const [versions, reloadVersions] = useLoad(() => api.get<VersionSummary[]>(`/api/v1/pipelines/${seg(name)}/versions`), [api, name]);
  const [jobs, reloadJobs] = useLoad(() => api.get<Job[]>(`/api/v1/jobs?pipeline=${encodeURIComponent(name)}`), [api, name]);
  const [deploying, setDeploying] = useState(false);

  return (
    <section className="page" aria-labelledby="pipeline-title">
      <div className="page-head">
        <h2 id="pipeline-title">Pipeline {name}</h2>
        <Link className="button" to={`/builder/${seg(name)}`}>
          Open in builder
        </Link>
        {access.can('operate') && versions.state === 'done' && versions.data.length > 0 && (
          <button type="button" onClick={() => setDeploying(true)}>
            Deploy…
          </button>
        )}
      </div>
      <h3>Versions</h3>
      <LoadView loaded={versions} what="versions" retry={reloadVersions}>
        {(list) => (list.length === 0 ? <p>No versions.</p> : <Versions api={api} name={name} versions={list} />)}
      </LoadView>
      <h3>Jobs</h3>
      <LoadView loaded={jobs} what="jobs of this pipeline" retry={reloadJobs}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty-hint">No job runs this pipeline{access.can('operate') ? ': deploy a version to start one.' : '.'}</p>
          ) : (
            <table className="data" aria-label="Jobs of this pipeline">
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">Version</th>
                  <th scope="col">State</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {list.map((j) => (
                  <tr key={j.id}>
                    <td>
                      <Link to={`/jobs/${j.id}`}>{j.id.slice(0, 8)}</Link>
                    </td>
                    <td>v{j.pipeline?.version ?? '?'}</td>
                    <td>
                      <JobStateBadge state={j.state} />
                    </td>
                    <td>{formatTime(j.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadView>
      {deploying && versions.state === 'done' && (
        <DeployDialog
          api={api}
          pipeline={name}
          versions={versions.data}
          jobs={jobs.state === 'done' ? jobs.data : []}
          onClose={() => setDeploying(false)}
          onDeployed={(job) => navigate(`/jobs/${job.id}`)}
        />
      )}
    </section>
  );
}

function Versions({ api, name, versions }: { api: ApiClient; name: string; versions: readonly VersionSummary[] }) {
  const newest = versions[0].version;
  const [from, setFrom] = useState(versions.length > 1 ? versions[1].version : newest);
  const [to, setTo] = useState(newest);
  const [diff, reloadDiff] = useLoad(
    () => (from === to ? Promise.resolve('') : api.getText(`/api/v1/pipelines/${seg(name)}/versions/${from}/diff/${to}`)),
    [api, name, from, to],
  );
  return (
    <>
      <table className="data" aria-label="Versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Author</th>
            <th scope="col">Created</th>
            <th scope="col">Format</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>v{v.version}</td>
              <td>{v.author}</td>
              <td>{formatTime(v.createdAt)}</td>
              <td>{v.format}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="diff-pick" role="group" aria-label="Compare versions">
        <label>
          From{' '}
          <select aria-label="Diff from version" value={from} onChange={(e) => setFrom(Number(e.currentTarget.value))}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          to{' '}
          <select aria-label="Diff to version" value={to} onChange={(e) => setTo(Number(e.currentTarget.value))}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
              </option>
            ))}
          </select>
        </label>
      </div>
      <LoadView loaded={diff} what="diff" retry={reloadDiff}>
        {(text) => <DiffView diff={text} label={`Diff from v${from} to v${to}`} />}
      </LoadView>
    </>
  );
}
