/**
 * Tenant administration: members and roles (admins), API tokens (editors their own, admins all), the audit log
 * (admins). A section the role cannot use is not shown; a viewer gets a sentence saying why the page is empty.
 */
import { useCallback, useState } from 'react';
import type { ApiClient } from '../api/client';
import { useAccess } from '../auth/access';
import { EmptyState } from '../shell/EmptyState';
import { AuditLog } from './AuditLog';
import { Members } from './Members';
import { Tokens } from './Tokens';

export function AdminPage({ api }: { api: ApiClient }) {
  const access = useAccess();
  // Every successful change (token created or revoked, member added, re-roled or removed) writes an audit entry:
  // the audit log loads again, so the entry shows without a page reload.
  const [auditRound, setAuditRound] = useState(0);
  const changed = useCallback(() => setAuditRound((r) => r + 1), []);
  if (!access.can('write')) {
    return (
      <EmptyState title="Administration">
        <p>
          Your role {access.role ? <strong>{access.role}</strong> : '(unknown)'} in this tenant has no administration rights: editors manage their API
          tokens here, admins also members and the audit log.
        </p>
      </EmptyState>
    );
  }
  return (
    <section className="page admin" aria-labelledby="admin-title">
      <h2 id="admin-title">Administration</h2>
      {access.can('admin') && <Members api={api} onChanged={changed} />}
      <Tokens api={api} onChanged={changed} />
      {access.can('admin') && <AuditLog api={api} round={auditRound} />}
    </section>
  );
}
