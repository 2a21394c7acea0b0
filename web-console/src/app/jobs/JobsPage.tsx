import { Link } from 'react-router';
import type { ApiClient } from '../api/client';
import type { Job } from '../api/types';
import { EmptyState } from '../shell/EmptyState';
import { formatTime } from '../shell/useLoad';
import { usePoll } from '../shell/usePoll';
import { JobStateBadge } from './JobStateBadge';

export function JobsPage({ api }: { api: ApiClient }) {
  const jobs = usePoll(() => api.get<Job[]>('/api/v1/jobs'), 5000, [api]);
  return (
    <section className="page" aria-labelledby="jobs-title">
      <h2 id="jobs-title">Jobs</h2>
      {jobs.error && (
        <p className="error-state" role="alert">
          The jobs could not be loaded: {jobs.error}
        </p>
      )}
      {jobs.loading && <p className="loading" role="status">Loading jobs…</p>}
      {jobs.data && jobs.data.length === 0 && (
        <EmptyState title="No jobs yet">
          <p>
            Jobs appear here when a pipeline version is deployed: open a <Link to="/pipelines">pipeline</Link> and deploy it.
          </p>
        </EmptyState>
      )}
      {jobs.data && jobs.data.length > 0 && (
        <table className="data" aria-label="Jobs">
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Pipeline</th>
              <th scope="col">State</th>
              <th scope="col">Why</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {jobs.data.map((j) => (
              <tr key={j.id}>
                <td>
                  <Link to={`/jobs/${j.id}`} aria-label={`Job ${j.name} ${j.id}`}>
                    {j.name} <span className="muted">{j.id.slice(0, 8)}</span>
                  </Link>
                </td>
                <td>{j.pipeline ? `${j.pipeline.name} v${j.pipeline.version}` : 'raw spec'}</td>
                <td>
                  <JobStateBadge state={j.state} />
                </td>
                <td>{j.stateReason ?? ''}</td>
                <td>{formatTime(j.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
