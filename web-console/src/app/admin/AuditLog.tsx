import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { AuditPage } from '../api/types';
import { formatTime, LoadView, useLoad } from '../shell/useLoad';

const PAGE_SIZE = 50;

export interface AuditFilter {
  readonly resourceType: string;
  readonly action: string;
  /** A datetime-local value, or empty. */
  readonly since: string;
}

/** The query of one audit page: filters that are set, the page size, and where the previous page ended. */
export function auditQuery(filter: AuditFilter, before: number | null, limit = PAGE_SIZE): string {
  const query = new URLSearchParams();
  if (filter.resourceType.trim()) query.set('resourceType', filter.resourceType.trim());
  if (filter.action.trim()) query.set('action', filter.action.trim());
  if (filter.since) {
    const since = new Date(filter.since);
    if (!Number.isNaN(since.getTime())) query.set('since', since.toISOString());
  }
  if (before !== null) query.set('before', String(before));
  query.set('limit', String(limit));
  return `/api/v1/audit?${query}`;
}

/** `round` grows after each change made on the admin page: the log then loads its newest page again. */
export function AuditLog({ api, round = 0 }: { api: ApiClient; round?: number }) {
  const [draft, setDraft] = useState<AuditFilter>({ resourceType: '', action: '', since: '' });
  const [filter, setFilter] = useState<AuditFilter>(draft);
  // The "before" cursor of each page seen, so Previous goes back without the server keeping state.
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const before = cursors[cursors.length - 1];
  // After a change the newest entries are what the user wants to see: back to the first page (filters kept).
  useEffect(() => {
    if (round > 0) setCursors([null]);
  }, [round]);
  const [page, reload] = useLoad(() => api.get<AuditPage>(auditQuery(filter, before)), [api, filter, before, round]);
  return (
    <section aria-labelledby="audit-title">
      <h3 id="audit-title">Audit log</h3>
      <form
        className="inline-form"
        aria-label="Audit filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(draft);
          setCursors([null]);
        }}
      >
        <label>
          Resource type <input aria-label="Filter resource type" placeholder="e.g. pipeline" value={draft.resourceType} onChange={(e) => setDraft({ ...draft, resourceType: e.currentTarget.value })} />
        </label>
        <label>
          Action <input aria-label="Filter action" placeholder="e.g. token.create" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })} />
        </label>
        <label>
          Since <input aria-label="Filter since" type="datetime-local" value={draft.since} onChange={(e) => setDraft({ ...draft, since: e.currentTarget.value })} />
        </label>
        <button type="submit">Apply filters</button>
      </form>
      <LoadView loaded={page} what="audit log" retry={reload}>
        {(data) => (
          <>
            {data.entries.length === 0 ? (
              <p className="empty-hint">No audit entry matches.</p>
            ) : (
              <table className="data" aria-label="Audit log">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Resource</th>
                    <th scope="col">Before → after (hash)</th>
                  </tr>
                </thead>
                <tbody>
                  {data.entries.map((e) => (
                    <tr key={e.id}>
                      <td>{formatTime(e.at)}</td>
                      <td>{e.actorUserId ?? ''}{e.actorTokenId ? ` (token ${e.actorTokenId.slice(0, 8)})` : ''}</td>
                      <td>{e.action}</td>
                      <td>
                        {e.resourceType} {e.resourceId}
                      </td>
                      <td className="muted">
                        {e.beforeHash?.slice(0, 8) ?? '∅'} → {e.afterHash?.slice(0, 8) ?? '∅'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="pager">
              <button type="button" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                Newer entries
              </button>
              <button type="button" disabled={data.nextBefore === null} onClick={() => setCursors((c) => [...c, data.nextBefore])}>
                Older entries
              </button>
            </div>
          </>
        )}
      </LoadView>
    </section>
  );
}
