/**
 * The app shell: navigation, one error boundary per page (an error in a view never blanks the whole page), and the
 * catalog loaded once for the builder.
 */
import { useEffect, useState } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation, useParams } from 'react-router';
import type { ApiClient } from './api/client';
import { AccessProvider, TenantSwitcher, useAccess } from './auth/access';
import type { Account } from './auth/AuthGate';
import type { Template } from './catalog/bundled';
import { loadCatalog, loadTemplates, type Catalog } from './catalog/catalogSource';
import { BuilderPage, type OpenedPipeline } from './builder/BuilderPage';
import type { PipelineSummary } from './api/types';
import { AdminPage } from './admin/AdminPage';
import { JobPage } from './jobs/JobPage';
import { JobsPage } from './jobs/JobsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PipelinePage } from './pipelines/PipelinePage';
import { PipelinesPage } from './pipelines/PipelinesPage';
import { ErrorBoundary } from './shell/ErrorBoundary';

export function App({ api, account = null, selectTenant }: { api: ApiClient; account?: Account | null; selectTenant?: (id: string | null) => void }) {
  return (
    <AccessProvider api={api} selectTenant={selectTenant}>
      <Shell api={api} account={account} />
    </AccessProvider>
  );
}

function Shell({ api, account }: { api: ApiClient; account: Account | null }) {
  const location = useLocation();
  const access = useAccess();
  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Millrace</span>
        <nav aria-label="Main">
          <NavLink to="/builder">Builder</NavLink>
          <NavLink to="/pipelines">Pipelines</NavLink>
          <NavLink to="/jobs">Jobs</NavLink>
          <NavLink to="/admin">Admin</NavLink>
        </nav>
        <TenantSwitcher />
        <a className="api-docs" href="/q/swagger-ui">
          API docs
        </a>
        {account && (
          <span className="account">
            <span aria-label="Signed in as">{account.user?.name ?? 'signed in'}</span>{' '}
            <button type="button" onClick={account.signOut}>
              Sign out
            </button>
          </span>
        )}
      </header>
      <main>
        <ErrorBoundary resetKey={location.pathname}>
          <Routes key={access.generation}>
            <Route path="/" element={<Navigate to="/builder" replace />} />
            <Route path="/index.html" element={<Navigate to="/builder" replace />} />
            <Route path="/auth/callback" element={<Navigate to="/builder" replace />} />
            <Route path="/builder" element={<Builder api={api} />} />
            <Route path="/builder/:pipeline" element={<PipelineBuilder api={api} />} />
            <Route path="/pipelines" element={<PipelinesPage api={api} />} />
            <Route path="/pipelines/:name" element={<PipelinePage api={api} />} />
            <Route path="/jobs" element={<JobsPage api={api} />} />
            <Route path="/jobs/:id" element={<JobPage api={api} />} />
            <Route path="/admin" element={<AdminPage api={api} />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </ErrorBoundary>
      </main>
    </div>
  );
}

function PipelineBuilder({ api }: { api: ApiClient }) {
  const { pipeline } = useParams();
  return <Builder api={api} pipeline={pipeline} key={pipeline} />;
}

function Builder({ api, pipeline }: { api: ApiClient; pipeline?: string }) {
  const [loaded, setLoaded] = useState<{ catalog: Catalog; templates: readonly Template[]; opened?: OpenedPipeline } | { error: string } | null>(null);
  useEffect(() => {
    let current = true;
    const opened = pipeline
      ? api.exchange<PipelineSummary>('GET', `/api/v1/pipelines/${encodeURIComponent(pipeline)}`).then((r) => ({ name: pipeline, text: r.body.latest?.spec ?? '', etag: r.headers.get('ETag') ?? r.body.etag ?? null }))
      : Promise.resolve(undefined);
    Promise.all([loadCatalog(api), loadTemplates(api), opened])
      .then(([catalog, templates, opened]) => current && setLoaded({ catalog, templates, opened }))
      .catch((error: unknown) => current && setLoaded({ error: error instanceof Error ? error.message : String(error) }));
    return () => {
      current = false;
    };
  }, [api, pipeline]);
  if (loaded === null) return <p className="loading" role="status">Loading {pipeline ? `pipeline ${pipeline}` : 'the node catalog'}…</p>;
  if ('error' in loaded) {
    return (
      <div className="error-state" role="alert">
        <h2>{pipeline ? `Pipeline ${pipeline} could not be opened` : 'The node catalog could not be loaded'}</h2>
        <p>{loaded.error}</p>
      </div>
    );
  }
  return <BuilderPage api={api} catalog={loaded.catalog} templates={loaded.templates} opened={loaded.opened} />;
}
