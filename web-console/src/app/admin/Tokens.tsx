import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { seg, type ApiToken } from '../api/types';
import { useAccess } from '../auth/access';
import { formatTime, LoadView, useLoad } from '../shell/useLoad';

/** Scopes a role may grant (the server refuses more: Scope.grantableBy). */
function grantable(canAdmin: boolean): string[] {
  return canAdmin ? ['read', 'write', 'admin'] : ['read', 'write'];
}

export function Tokens({ api, onChanged }: { api: ApiClient; onChanged: () => void }) {
  const access = useAccess();
  const [tokens, reload] = useLoad(() => api.get<ApiToken[]>('/api/v1/tokens'), [api]);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [ttlDays, setTtlDays] = useState('30');
  const [created, setCreated] = useState<ApiToken | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    setError(null);
    setCopied(false);
    try {
      const days = ttlDays.trim() === '' ? undefined : Number(ttlDays);
      const token = await api.post<ApiToken>('/api/v1/tokens', { json: { name: name.trim(), scopes, ttlDays: days } });
      setCreated(token);
      setName('');
      reload();
      onChanged();
    } catch (e) {
      setError(`Creating the token failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const revoke = async (token: ApiToken) => {
    setError(null);
    try {
      await api.delete(`/api/v1/tokens/${seg(token.id)}`);
      if (created?.id === token.id) setCreated(null);
      reload();
      onChanged();
    } catch (e) {
      setError(`Revoking ${token.name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section aria-labelledby="tokens-title">
      <h3 id="tokens-title">API tokens</h3>
      <p className="muted">{access.can('admin') ? 'Every token of the tenant.' : 'Your tokens.'} Use one as `Authorization: Bearer mr_…` with the CLI or the API.</p>
      {error && (
        <p className="error-state" role="alert">
          {error}
        </p>
      )}
      {created?.secret && (
        <div className="secret-once" role="region" aria-label="New token secret">
          <p>
            Token <strong>{created.name}</strong> created. Copy its secret now: <strong>it is shown this once</strong> and cannot be shown again.
          </p>
          <code aria-label="Token secret">{created.secret}</code>{' '}
          <button
            type="button"
            onClick={() => {
              navigator.clipboard
                ?.writeText(created.secret!)
                .then(() => setCopied(true))
                .catch(() => setError('The browser refused the clipboard: select the secret and copy it by hand.'));
            }}
          >
            Copy secret
          </button>
          {copied && <span role="status"> Copied.</span>}{' '}
          <button type="button" onClick={() => setCreated(null)}>
            I have stored it
          </button>
        </div>
      )}
      <form
        className="inline-form"
        aria-label="Create an API token"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label>
          Name <input aria-label="Token name" required maxLength={100} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        </label>
        <fieldset>
          <legend>Scopes</legend>
          {grantable(access.can('admin')).map((scope) => (
            <label key={scope}>
              <input
                type="checkbox"
                aria-label={`Scope ${scope}`}
                checked={scopes.includes(scope)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setScopes((old) => (on ? [...old, scope] : old.filter((s) => s !== scope)));
                }}
              />{' '}
              {scope}
            </label>
          ))}
        </fieldset>
        <label>
          Expires in (days) <input aria-label="Token lifetime in days" inputMode="numeric" size={4} value={ttlDays} onChange={(e) => setTtlDays(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={scopes.length === 0 || name.trim() === ''}>
          Create token
        </button>
      </form>
      <LoadView loaded={tokens} what="API tokens" retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty-hint">No API tokens yet.</p>
          ) : (
            <table className="data" aria-label="API tokens">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Prefix</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Created by</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.map((t) => (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td>
                      <code>{t.prefix}</code>
                    </td>
                    <td>{t.scopes.join(', ')}</td>
                    <td>{t.createdBy}</td>
                    <td>{formatTime(t.expiresAt)}</td>
                    <td>{formatTime(t.lastUsedAt)}</td>
                    <td>
                      {t.revokedAt ? (
                        `revoked ${formatTime(t.revokedAt)}`
                      ) : (
                        <button type="button" aria-label={`Revoke ${t.name}`} onClick={() => void revoke(t)}>
                          Revoke
                        </button>
                      )}
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
