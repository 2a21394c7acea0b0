import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';
import { AuthGate } from './auth/AuthGate';
import { ConsoleRuntime } from './auth/runtime';

// One runtime per page load: the API client with the session's token and the chosen tenant.
const runtime = new ConsoleRuntime();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <AuthGate runtime={runtime}>{(account) => <App api={runtime.api} account={account} selectTenant={runtime.selectTenant} />}</AuthGate>
    </BrowserRouter>
  </StrictMode>,
);
