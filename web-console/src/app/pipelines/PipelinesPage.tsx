import { Link } from 'react-router';
import type { ApiClient } from '../api/client';
import type { PipelineSummary } from '../api/types';
import { useAccess } from '../auth/access';
import { EmptyState } from '../shell/EmptyState';
import { formatTime, LoadView, useLoad } from '../shell/useLoad';

export function PipelinesPage({ api }: { api: ApiClient }) {
  const access = useAccess();
  const [loaded, reload] = useLoad(() => api.get<PipelineSummary[]>('/api/v1/pipelines'), [api]);
  return (
    <section className="page" aria-labelledby="pipelines-title">
      <div className="page-head">
        <h2 id="pipelines-title">Pipelines</h2>
        {access.can('write') && (
          <Link className="button" to="/builder">
            New pipeline
          </Link>
        )}
      </div>
      <LoadView loaded={loaded} what="pipelines" retry={reload}>
        {(pipelines) =>
          pipelines.length === 0 ? (
            <EmptyState title="No pipelines yet">
              <p>
                {access.can('write') ? (
                  <>
                    <Link to="/builder">Build a pipeline</Link> and save it, or apply a spec with the CLI.
                  </>
                ) : (
                  'Nothing has been saved in this tenant yet; an editor can build and save pipelines.'
                )}
              </p>
            </EmptyState>
          ) : (
            <table className="data" aria-label="Pipelines">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Latest version</th>
                  <th scope="col">Changed by</th>
                  <th scope="col">Changed</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {pipelines.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/pipelines/${encodeURIComponent(p.name)}`}>{p.name}</Link>
                      {p.description && <div className="muted">{p.description}</div>}
                    </td>
                    <td>v{p.latestVersion}</td>
                    <td>{p.latest?.author ?? p.createdBy}</td>
                    <td>{formatTime(p.updatedAt)}</td>
                    <td>
                      <Link to={`/builder/${encodeURIComponent(p.name)}`} aria-label={`Open ${p.name} in the builder`}>
                        Open in builder
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadView>
    </section>
  );
}
