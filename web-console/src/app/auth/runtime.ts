/**
 * The console's one API client and what it sends on every request: the session's token and the chosen tenant. One
 * instance per page load (created in main.tsx and handed down), not module state, so tests build their own.
 */
import { ApiClient, type Fetch, type SessionHooks, type TokenSource } from '../api/client';
import type { OidcSession } from './oidcSession';

export class ConsoleRuntime implements TokenSource, SessionHooks {
  session: OidcSession | null = null;
  private tenantId: string | null = null;
  readonly api: ApiClient;

  constructor(fetchImpl: Fetch = (input, init) => fetch(input, init)) {
    this.api = new ApiClient(this, fetchImpl, '', this);
  }

  accessToken(): Promise<string | null> {
    return this.session ? this.session.accessToken() : Promise.resolve(null);
  }

  tenant(): string | null {
    return this.tenantId;
  }

  selectTenant = (id: string | null) => {
    this.tenantId = id;
  };

  renewAfterUnauthorized(): Promise<boolean> {
    return this.session ? this.session.renewAfterUnauthorized() : Promise.resolve(false);
  }
}
