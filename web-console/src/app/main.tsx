import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';
import { ApiClient, signedOut } from './api/client';

// Sign-in (issue 8 part 2) will hand its token source to the client here; until then requests go without a token.
const api = new ApiClient(signedOut);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <App api={api} />
    </BrowserRouter>
  </StrictMode>,
);
