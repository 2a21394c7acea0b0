import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { seg, type Member } from '../api/types';
import { formatTime, LoadView, useLoad } from '../shell/useLoad';

const ROLES = ['viewer', 'editor', 'admin'] as const;

export function Members({ api, onChanged }: { api: ApiClient; onChanged: () => void }) {
  const [members, reload] = useLoad(() => api.get<Member[]>('/api/v1/members'), [api]);
  const [error, setError] = useState<string | null>(null);
  const [newUser, setNewUser] = useState({ userId: '', username: '', role: 'viewer' });

  const act = async (what: string, call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      reload();
      onChanged();
    } catch (e) {
      // The server's message says why (e.g. a tenant never loses its last admin).
      setError(`${what}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section aria-labelledby="members-title">
      <h3 id="members-title">Members</h3>
      {error && (
        <p className="error-state" role="alert">
          {error}
        </p>
      )}
      <LoadView loaded={members} what="members" retry={reload}>
        {(list) => (
          <table className="data" aria-label="Members">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Role</th>
                <th scope="col">Member since</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <tr key={m.userId}>
                  <td>
                    {m.username} <span className="muted">{m.userId}</span>
                  </td>
                  <td>
                    <select aria-label={`Role of ${m.username}`} value={m.role.toLowerCase()} onChange={(e) => void act(`Changing the role of ${m.username} failed`, () => api.put(`/api/v1/members/${seg(m.userId)}`, { json: { role: e.currentTarget.value } }))}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{formatTime(m.createdAt)}</td>
                  <td>
                    <button type="button" aria-label={`Remove ${m.username}`} onClick={() => void act(`Removing ${m.username} failed`, () => api.delete(`/api/v1/members/${seg(m.userId)}`))}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadView>
      <form
        className="inline-form"
        aria-label="Add a member"
        onSubmit={(e) => {
          e.preventDefault();
          void act('Adding the member failed', () => api.put(`/api/v1/members/${seg(newUser.userId.trim())}`, { json: { role: newUser.role, username: newUser.username.trim() || undefined } })).then(() =>
            setNewUser({ userId: '', username: '', role: 'viewer' }),
          );
        }}
      >
        <label>
          User id (OIDC subject) <input aria-label="New member user id" required value={newUser.userId} onChange={(e) => setNewUser({ ...newUser, userId: e.currentTarget.value })} />
        </label>
        <label>
          Name <input aria-label="New member name" value={newUser.username} onChange={(e) => setNewUser({ ...newUser, username: e.currentTarget.value })} />
        </label>
        <label>
          Role{' '}
          <select aria-label="New member role" value={newUser.role} onChange={(e) => setNewUser({ ...newUser, role: e.currentTarget.value })}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button type="submit">Add member</button>
      </form>
    </section>
  );
}
