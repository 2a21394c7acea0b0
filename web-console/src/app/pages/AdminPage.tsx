import { EmptyState } from '../shell/EmptyState';

export function AdminPage() {
  return (
    <EmptyState title="Administration">
      <p>
        Tenant administration will live here: members and their roles (admin, editor, viewer), API tokens (created with
        scopes and an expiry, the secret shown once, revocable) and the audit log of every change.
      </p>
      <p>Not connected to the administration API yet.</p>
    </EmptyState>
  );
}
