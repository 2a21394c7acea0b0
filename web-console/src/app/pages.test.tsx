// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from './App';
import { AuthGate } from './auth/AuthGate';
import { ConsoleRuntime } from './auth/runtime';

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

type Route = (method: string, path: string, init?: RequestInit) => Response | undefined;

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });
}

/** A fake control plane: the tenant (with the given role) plus the routes of a test; records every request. */
function server(role: string, routes: Route) {
  const seen: Array<{ method: string; path: string; headers: Record<string, string>; body?: string }> = [];
  const runtime = new ConsoleRuntime(async (input, init) => {
    const method = init?.method ?? 'GET';
    seen.push({ method, path: input, headers: (init?.headers ?? {}) as Record<string, string>, body: init?.body as string | undefined });
    if (input === '/api/v1/tenants') return json([{ id: 'acme', displayName: 'Acme', role: role.toUpperCase() }, { id: 'beta', displayName: 'Beta', role: 'VIEWER' }]);
    if (input === '/api/v1/tenants/current') return json({ id: 'acme', role });
    return routes(method, input, init) ?? json({ title: 'Not Found', status: 404 }, 404);
  });
  return { runtime, seen };
}

function renderAt(path: string, runtime: ConsoleRuntime) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <App api={runtime.api} selectTenant={runtime.selectTenant} />
    </MemoryRouter>,
  );
}

const job = {
  id: '11111111-2222-3333-4444-555555555555',
  name: 'wc',
  state: 'RUNNING',
  stateReason: null,
  stateChangedAt: '2026-01-01T00:00:00Z',
  desiredState: 'RUNNING',
  pipeline: { id: 'p', name: 'wc', version: 2 },
  attempt: 1,
  parallelism: null,
  failureCount: 1,
  lastFailure: 'boom',
  createdAt: '2026-01-01T00:00:00Z',
  tasks: [{ chainId: 'c0', subtask: 0, workerId: 'w1', state: 'RUNNING', failure: null }],
};

const API_BOTTLENECK = {
  chainId: 'c1',
  nodes: ['counts'],
  subtask: 0,
  busyRatio: 0.93,
  backpressureRatio: 0,
  backpressuredInputs: [{ chainId: 'c0', backpressureRatio: 0.6 }],
  reason: 'task c1#0 (nodes counts) is busy 93% of the time and not backpressured, while c0 (60% backpressured) waits for it',
};

const jobRoutes = (state = 'RUNNING', bottleneck: unknown = API_BOTTLENECK): Route => (method, path) => {
  if (path === `/api/v1/jobs/${job.id}`) return json({ ...job, state });
  if (path.endsWith('/metrics'))
    return json({ jobId: job.id, state, recordsInPerSecond: 120, recordsOutPerSecond: 118, maxBackpressureRatio: 0.6, maxWatermarkLagMillis: 40, bottleneck, tasks: [
      { chainId: 'c0', subtask: 0, attempt: 1, workerId: 'w1', recordsIn: 1, recordsOut: 1, recordsInPerSecond: 120, recordsOutPerSecond: 118, backpressureRatio: 0.6, watermarkLagMillis: 40, reportedAt: '' },
      { chainId: 'c1', subtask: 0, attempt: 1, workerId: 'w1', recordsIn: 1, recordsOut: 1, recordsInPerSecond: 118, recordsOutPerSecond: 3, backpressureRatio: 0, watermarkLagMillis: 40, reportedAt: '' },
    ] });
  if (path.endsWith('/checkpoints'))
    return json([{ id: 7, attempt: 1, kind: 'CHECKPOINT', status: 'FAILED', createdAt: '2026-01-01T00:00:00Z', completedAt: null, stateSizeBytes: 2048, failureReason: 'worker w1 lost', usable: false, unusableReason: 'failed' }]);
  if (path.endsWith('/exceptions')) return json([{ attempt: 1, outcome: 'FAILING', cause: 'java.lang.IllegalStateException: boom', at: '2026-01-01T00:00:00Z' }]);
  if (path === '/api/v1/pipelines/wc/versions/2') return new Response('apiVersion: millrace.io/v1\n', { headers: { 'Content-Type': 'application/yaml' } });
  if (path === '/api/v1/pipelines:plan' && method === 'POST')
    return json({ name: 'wc', maxParallelism: 128, subtasks: 2, chains: [
      { id: 'c0', parallelism: 1, keyed: false, operators: [{ id: 'lines', kind: 'kafka-source', keyed: false }] },
      { id: 'c1', parallelism: 1, keyed: true, operators: [{ id: 'counts', kind: 'window-aggregate', keyed: true }] },
    ], edges: [{ sourceChain: 'c0', sourceNode: 'lines', sourceOutput: 'main', targetChain: 'c1', targetNode: 'counts', targetInput: 0, partitioning: 'HASH', keyExpression: 'value.w' }], warnings: [] });
  if (path === `/api/v1/jobs/${job.id}/stop-with-savepoint` && method === 'POST') return json({ ...job, state: 'CANCELED' });
  return undefined;
};

describe('the job view', () => {
  it('shows the chained graph with rates, the bottleneck, checkpoints and exceptions; an editor stops with a savepoint', async () => {
    const { runtime, seen } = server('editor', jobRoutes());
    renderAt(`/jobs/${job.id}`, runtime);
    const chain = await screen.findByRole('listitem', { name: 'Chain counts' });
    expect(within(chain).getByLabelText('counts records in per second').textContent).toBe('118/s');
    expect(screen.getByRole('listitem', { name: 'Chain lines' }).className).toContain('pressure-high');
    // The control plane's hint, as it says it (the console has no rule of its own).
    await waitFor(() => expect(screen.getByRole('note', { name: 'Bottleneck hint' }).textContent).toMatch(/Bottleneck: counts \(subtask 0\) is busy 93 % of the time while lines \(60 % backpressured\) waits for it/), { timeout: 5000 });
    expect(screen.getByLabelText('Job records in per second').textContent).toBe('120/s');
    expect(within(screen.getByRole('table', { name: 'Checkpoint history' })).getByText('worker w1 lost')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Exceptions history' })).getByText(/IllegalStateException: boom/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop with savepoint' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST' && r.path.endsWith('/stop-with-savepoint'))).toBe(true));
    // Every request after the tenant was chosen carries it.
    expect(seen.filter((r) => r.path.startsWith('/api/v1/jobs/')).every((r) => r.headers['Millrace-Tenant'] === 'acme')).toBe(true);
  });

  it("shows no bottleneck when the API names none, even with a backpressured chain (the API's rule decides)", async () => {
    const { runtime } = server('viewer', jobRoutes('RUNNING', null));
    renderAt(`/jobs/${job.id}`, runtime);
    await waitFor(() => expect(screen.getByRole('listitem', { name: 'Chain lines' }).className).toContain('pressure-high'), { timeout: 5000 });
    expect(screen.getByRole('note', { name: 'Bottleneck hint' }).textContent).toMatch(/^No bottleneck: no task is saturated/);
  });

  it('blanks the per-second rates and gauges of an ended job instead of showing its last ones as live', async () => {
    const { runtime, seen } = server('viewer', jobRoutes('CANCELED'));
    renderAt(`/jobs/${job.id}`, runtime);
    const chain = await screen.findByRole('listitem', { name: 'Chain counts' });
    await waitFor(() => expect(seen.some((r) => r.path.endsWith('/metrics'))).toBe(true), { timeout: 5000 });
    expect(within(chain).getByLabelText('counts records in per second').textContent).toBe('—');
    expect(screen.getByLabelText('Job records in per second').textContent).toBe('—');
    expect(screen.getByRole('listitem', { name: 'Chain lines' }).className).toContain('pressure-ended');
    expect(screen.getByRole('note', { name: 'Bottleneck hint' }).textContent).toMatch(/^The job has ended/);
  });

  it('hides every operate button from a viewer', async () => {
    const { runtime } = server('viewer', jobRoutes());
    renderAt(`/jobs/${job.id}`, runtime);
    await screen.findByRole('listitem', { name: 'Chain counts' });
    for (const name of ['Stop', 'Stop with savepoint', 'Rescale', 'Restart']) expect(screen.queryByRole('button', { name })).toBeNull();
  });
});

const pipelineRoutes: Route = (method, path) => {
  if (path === '/api/v1/pipelines/wc/versions') return json([{ version: 2, format: 'YAML', specHash: 'b', author: 'bob', createdAt: '2026-01-02T00:00:00Z' }, { version: 1, format: 'YAML', specHash: 'a', author: 'alice', createdAt: '2026-01-01T00:00:00Z' }]);
  if (path === '/api/v1/pipelines/wc/versions/1/diff/2') return new Response('--- wc@1\n+++ wc@2\n@@ -1,2 +1,2 @@\n a: 1\n-b: 1\n+b: 2\n', { headers: { 'Content-Type': 'text/plain' } });
  if (path === '/api/v1/jobs?pipeline=wc') return json([{ ...job, state: 'CANCELED' }]);
  if (path === `/api/v1/jobs/${job.id}/savepoints`) return json([{ id: 9, attempt: 1, kind: 'SAVEPOINT', status: 'COMPLETED', createdAt: '2026-01-01T00:00:00Z', completedAt: '2026-01-01T00:00:01Z', stateSizeBytes: 10, failureReason: null, usable: true, unusableReason: null }]);
  if (path === '/api/v1/pipelines/wc/deploy' && method === 'POST')
    return json({ title: 'Confirmation needed', status: 409, detail: 'the upgrade drops state', stateDiff: { nodes: [{ nodeId: 'counts', change: 'DROPPED', reason: 'window changed' }] } }, 409);
  return undefined;
};

describe('a pipeline', () => {
  it('shows the text diff between two versions and deploys from a savepoint, asking to confirm dropped state', async () => {
    const { runtime, seen } = server('editor', pipelineRoutes);
    renderAt('/pipelines/wc', runtime);
    const diff = await screen.findByRole('figure', { name: 'Diff from v1 to v2' });
    expect(diff.textContent).toMatch(/1 line added, 1 removed/);
    fireEvent.click(await screen.findByRole('button', { name: 'Deploy…' }));
    const dialog = screen.getByRole('dialog', { name: 'Deploy wc' });
    const from = within(dialog).getByRole('combobox', { name: 'Start from savepoint' }) as HTMLSelectElement;
    await waitFor(() => expect(from.options.length).toBe(2));
    fireEvent.change(from, { target: { value: from.options[1].value } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Parallelism' }), { target: { value: '3' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deploy' }));
    const panel = await within(dialog).findByRole('table', { name: 'State diff per node' });
    expect(panel.textContent).toMatch(/counts.*dropped.*window changed/);
    const deploy = within(dialog).getByRole('button', { name: 'Deploy' }) as HTMLButtonElement;
    expect(deploy.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /state of counts is dropped/ }));
    expect(deploy.disabled).toBe(false);
    fireEvent.click(deploy);
    await waitFor(() => expect(seen.filter((r) => r.path === '/api/v1/pipelines/wc/deploy')).toHaveLength(2));
    const bodies = seen.filter((r) => r.path === '/api/v1/pipelines/wc/deploy').map((r) => JSON.parse(r.body!));
    expect(bodies[0]).toEqual({ version: 2, parallelism: 3, fromSavepoint: { jobId: job.id, checkpointId: 9 } });
    expect(bodies[1].confirmDroppedState).toBe(true);
  });

  it('offers no deploy to a viewer', async () => {
    const { runtime } = server('viewer', pipelineRoutes);
    renderAt('/pipelines/wc', runtime);
    await screen.findByRole('figure', { name: 'Diff from v1 to v2' });
    expect(screen.queryByRole('button', { name: 'Deploy…' })).toBeNull();
  });
});

describe('administration', () => {
  it('shows a new token secret once, revokes, and shows the last-admin error', async () => {
    let tokens: Array<Record<string, unknown>> = [{ id: 't1', name: 'ci', prefix: 'mr_ab', createdBy: 'alice', scopes: ['read'], createdAt: '2026-01-01T00:00:00Z', expiresAt: '2026-02-01T00:00:00Z' }];
    const { runtime, seen } = server('admin', (method, path) => {
      if (path === '/api/v1/members') return json([{ userId: 'u1', username: 'alice', role: 'admin', createdAt: '2026-01-01T00:00:00Z', updatedAt: '' }]);
      if (path === '/api/v1/members/u1' && method === 'DELETE') return json({ title: 'Conflict', status: 409, detail: 'tenant acme would lose its last admin' }, 409);
      if (path === '/api/v1/tokens' && method === 'GET') return json(tokens);
      if (path === '/api/v1/tokens' && method === 'POST') {
        const created = { id: 't2', name: 'deploy-bot', prefix: 'mr_cd', createdBy: 'alice', scopes: ['read', 'write'], createdAt: '', expiresAt: null };
        tokens = [...tokens, created];
        return json({ ...created, secret: 'mr_cd_secret' }, 201);
      }
      if (path === '/api/v1/tokens/t1' && method === 'DELETE') {
        tokens = tokens.map((t) => (t.id === 't1' ? { ...t, revokedAt: '2026-01-03T00:00:00Z' } : t));
        return json(tokens[0]);
      }
      if (path.startsWith('/api/v1/audit')) return json({ entries: [{ id: 5, at: '2026-01-01T00:00:00Z', actorUserId: 'u1', actorTokenId: null, action: 'token.create', resourceType: 'token', resourceId: 't1', beforeHash: null, afterHash: 'abcdef0123' }], nextBefore: null });
      return undefined;
    });
    renderAt('/admin', runtime);
    expect(await screen.findByText('token.create')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove alice' }));
    expect((await screen.findByText(/Removing alice failed/)).textContent).toMatch(/would lose its last admin/);
    fireEvent.change(screen.getByRole('textbox', { name: 'Token name' }), { target: { value: 'deploy-bot' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Scope write' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect((await screen.findByLabelText('Token secret')).textContent).toBe('mr_cd_secret');
    expect(JSON.parse(seen.find((r) => r.method === 'POST' && r.path === '/api/v1/tokens')!.body!)).toEqual({ name: 'deploy-bot', scopes: ['read', 'write'], ttlDays: 30 });
    fireEvent.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByText('mr_cd_secret')).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke ci' }));
    expect(await screen.findByText(/^revoked/)).toBeTruthy();
  });

  it('loads the audit log again after each token and member change, so the new entries show', async () => {
    const audit: Array<{ action: string; resourceId: string }> = [];
    const entries = () => [...audit].reverse().map((e, i) => ({ id: audit.length - i, at: '2026-01-01T00:00:00Z', actorUserId: 'u1', actorTokenId: null, action: e.action, resourceType: e.action.split('.')[0], resourceId: e.resourceId, beforeHash: null, afterHash: null }));
    const { runtime } = server('admin', (method, path) => {
      if (path === '/api/v1/members' && method === 'GET') return json([{ userId: 'u1', username: 'alice', role: 'admin', createdAt: '', updatedAt: '' }, { userId: 'u2', username: 'bob', role: 'viewer', createdAt: '', updatedAt: '' }]);
      if (path === '/api/v1/members/u2' && method === 'PUT') {
        audit.push({ action: 'member.update', resourceId: 'u2' });
        return json({ userId: 'u2', username: 'bob', role: 'editor', createdAt: '', updatedAt: '' });
      }
      if (path === '/api/v1/tokens' && method === 'GET') return json(audit.some((e) => e.action === 'token.create') ? [{ id: 't9', name: 'bot', prefix: 'mr_x', createdBy: 'alice', scopes: ['read'], createdAt: '', expiresAt: null }] : []);
      if (path === '/api/v1/tokens' && method === 'POST') {
        audit.push({ action: 'token.create', resourceId: 't9' });
        return json({ id: 't9', name: 'bot', prefix: 'mr_x', createdBy: 'alice', scopes: ['read'], createdAt: '', expiresAt: null, secret: 'mr_x_s' }, 201);
      }
      if (path === '/api/v1/tokens/t9' && method === 'DELETE') {
        audit.push({ action: 'token.revoke', resourceId: 't9' });
        return json({});
      }
      if (path.startsWith('/api/v1/audit')) return json({ entries: entries(), nextBefore: null });
      return undefined;
    });
    renderAt('/admin', runtime);
    expect(await screen.findByText('No audit entry matches.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Token name' }), { target: { value: 'bot' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const log = () => within(screen.getByRole('table', { name: 'Audit log' }));
    await waitFor(() => expect(log().getByText('token.create')).toBeTruthy(), { timeout: 5000 });
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke bot' }));
    await waitFor(() => expect(log().getByText('token.revoke')).toBeTruthy(), { timeout: 5000 });
    fireEvent.change(screen.getByRole('combobox', { name: 'Role of bob' }), { target: { value: 'editor' } });
    await waitFor(() => expect(log().getByText('member.update')).toBeTruthy(), { timeout: 5000 });
    expect(log().getAllByRole('row')).toHaveLength(4);
  });

  it('shows a viewer why there is nothing to administer', async () => {
    const { runtime } = server('viewer', () => undefined);
    renderAt('/admin', runtime);
    await waitFor(() => expect(screen.getByText(/has no administration rights/).textContent).toMatch(/Your role viewer/));
    expect(screen.queryByRole('button', { name: 'Create token' })).toBeNull();
  });
});

describe('sign-in', () => {
  it('asks to sign in when the control plane has auth, and runs without when it has none', async () => {
    const withAuth = new ConsoleRuntime(async (input) => (input === '/api/v1/auth/config' ? json({ issuer: 'http://kc.test/realms/m', clientId: 'millrace-console' }) : json({}, 404)));
    render(
      <MemoryRouter initialEntries={['/pipelines']}>
        <AuthGate runtime={withAuth}>{() => <p>the app</p>}</AuthGate>
      </MemoryRouter>,
    );
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByText('the app')).toBeNull();
    cleanup();
    const noAuth = new ConsoleRuntime(async () => json({ title: 'Not Found' }, 404));
    render(
      <MemoryRouter initialEntries={['/pipelines']}>
        <AuthGate runtime={noAuth}>{(account) => <p>the app {account === null ? 'without sign-in' : ''}</p>}</AuthGate>
      </MemoryRouter>,
    );
    expect(await screen.findByText('the app without sign-in')).toBeTruthy();
  });
});
