/**
 * The app shell: navigation, one error boundary per page (an error in a view never blanks the whole page), and the
 * catalog loaded once for the builder.
 */
import { useEffect, useState } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import type { ApiClient } from './api/client';
import type { Template } from './catalog/bundled';
import { loadCatalog, loadTemplates, type Catalog } from './catalog/catalogSource';
import { BuilderPage } from './builder/BuilderPage';
import { AdminPage } from './pages/AdminPage';
import { JobsPage } from './pages/JobsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PipelinesPage } from './pages/PipelinesPage';
import { ErrorBoundary } from './shell/ErrorBoundary';

export function App({ api }: { api: ApiClient }) {
  const location = useLocation();
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
        <a className="api-docs" href="/q/swagger-ui">
          API docs
        </a>
      </header>
      <main>
        <ErrorBoundary resetKey={location.pathname}>
          <Routes>
            <Route path="/" element={<Navigate to="/builder" replace />} />
            <Route path="/index.html" element={<Navigate to="/builder" replace />} />
            <Route path="/builder" element={<Builder api={api} />} />
            <Route path="/pipelines" element={<PipelinesPage />} />
            <Route path="/jobs" element={<JobsPage />} />
            <Route path="/admin" element={<AdminPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </ErrorBoundary>
      </main>
    </div>
  );
}

function Builder({ api }: { api: ApiClient }) {
  const [loaded, setLoaded] = useState<{ catalog: Catalog; templates: readonly Template[] } | { error: string } | null>(null);
  useEffect(() => {
    let current = true;
    Promise.all([loadCatalog(api), loadTemplates(api)])
      .then(([catalog, templates]) => current && setLoaded({ catalog, templates }))
      .catch((error: unknown) => current && setLoaded({ error: error instanceof Error ? error.message : String(error) }));
    return () => {
      current = false;
    };
  }, [api]);
  if (loaded === null) return <p className="loading" role="status">Loading the node catalog…</p>;
  if ('error' in loaded) {
    return (
      <div className="error-state" role="alert">
        <h2>The node catalog could not be loaded</h2>
        <p>{loaded.error}</p>
      </div>
    );
  }
  return <BuilderPage api={api} catalog={loaded.catalog} templates={loaded.templates} />;
}
