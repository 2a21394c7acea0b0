/**
 * The signed-in session: runs the code flow with PKCE, keeps the tokens in memory only (never in storage, so a script
 * reading storage finds no token), renews them with the refresh token before they expire and once more when the
 * server answers 401, and signs out through Keycloak's end-session endpoint.
 *
 * Only the PKCE verifier, the state and the page to return to are written to sessionStorage, because they must
 * survive the redirect to Keycloak and back; they are removed when the sign-in completes. A reload loses the tokens:
 * the console then redirects to Keycloak again, which answers at once while its own SSO session lives (the
 * `wasSignedIn` mark says to do so without asking).
 */
import type { SessionHooks, TokenSource } from '../api/client';
import { authorizeUrl, challengeOf, createVerifier, displayName, jwtClaims, parseCallback, type Discovery } from './pkce';

export interface AuthConfig {
  readonly issuer: string;
  readonly clientId: string;
}

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly idToken: string | null;
  /** Epoch ms. */
  readonly expiresAt: number;
}

export interface User {
  readonly name: string;
  readonly subject: string | null;
}

/** Everything the session touches outside itself, so tests drive it without a browser or a Keycloak. */
export interface Environment {
  readonly fetch: (input: string, init?: RequestInit) => Promise<Response>;
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  readonly navigate: (url: string) => void;
  readonly origin: string;
  readonly random: (length: number) => Uint8Array;
  readonly sha256: (data: Uint8Array) => Promise<ArrayBuffer>;
  readonly now: () => number;
  readonly setTimer: (run: () => void, ms: number) => unknown;
  readonly clearTimer: (timer: unknown) => void;
}

export const CALLBACK_PATH = '/auth/callback';
const PENDING_KEY = 'millrace.console.signIn';
const SIGNED_IN_KEY = 'millrace.console.wasSignedIn';
/** Renew when this share of the token's lifetime has passed (Keycloak's default access token lives 5 minutes). */
const RENEW_AT = 0.7;
/** A token this close to expiry is renewed before it is sent. */
const EXPIRY_MARGIN_MS = 10_000;

interface Pending {
  readonly verifier: string;
  readonly state: string;
  readonly returnTo: string;
}

export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInError';
  }
}

export class OidcSession implements TokenSource, Pick<SessionHooks, 'renewAfterUnauthorized'> {
  private tokens: Tokens | null = null;
  private discovery: Promise<Discovery> | null = null;
  private renewing: Promise<boolean> | null = null;
  private timer: unknown = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly config: AuthConfig,
    private readonly env: Environment,
  ) {}

  get redirectUri(): string {
    return `${this.env.origin}${CALLBACK_PATH}`;
  }

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  /** The user had a session in this tab before a reload: sign in again without asking (Keycloak's SSO answers). */
  get wasSignedIn(): boolean {
    return this.env.storage.getItem(SIGNED_IN_KEY) === '1';
  }

  user(): User | null {
    if (!this.tokens) return null;
    const claims = jwtClaims(this.tokens.idToken ?? this.tokens.accessToken);
    return { name: displayName(claims), subject: typeof claims.sub === 'string' ? claims.sub : null };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async accessToken(): Promise<string | null> {
    if (this.tokens && this.tokens.expiresAt - EXPIRY_MARGIN_MS <= this.env.now()) await this.renew();
    return this.tokens?.accessToken ?? null;
  }

  /** Redirects to Keycloak; `returnTo` is the console path to land on afterwards. */
  async signIn(returnTo: string): Promise<void> {
    const discovery = await this.discover();
    const verifier = createVerifier(this.env.random);
    const state = createVerifier(this.env.random);
    const pending: Pending = { verifier, state, returnTo: safeReturnPath(returnTo) };
    this.env.storage.setItem(PENDING_KEY, JSON.stringify(pending));
    const challenge = await challengeOf(verifier, this.env.sha256);
    this.env.navigate(authorizeUrl(discovery, { clientId: this.config.clientId, redirectUri: this.redirectUri, state, challenge, nonce: createVerifier(this.env.random) }));
  }

  /** Finishes the sign-in on `/auth/callback`: checks the state, trades the code for tokens; returns where to go. */
  async completeSignIn(search: string): Promise<string> {
    const callback = parseCallback(search);
    const raw = this.env.storage.getItem(PENDING_KEY);
    this.env.storage.removeItem(PENDING_KEY);
    if (callback.kind === 'error') throw new SignInError(`Keycloak refused the sign-in (${callback.message}).`);
    const pending = parsePending(raw);
    if (!pending) throw new SignInError('No sign-in was started in this tab (or it was already completed); sign in again.');
    if (pending.state !== callback.state) throw new SignInError('The sign-in answer does not belong to the sign-in this tab started (state mismatch); sign in again.');
    const discovery = await this.discover();
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.code,
      redirect_uri: this.redirectUri,
      client_id: this.config.clientId,
      code_verifier: pending.verifier,
    });
    this.accept(await this.tokenRequest(discovery.token_endpoint, body));
    return pending.returnTo;
  }

  renewAfterUnauthorized(): Promise<boolean> {
    return this.renew();
  }

  /** Trades the refresh token for new tokens; on failure the session ends (the page then offers to sign in). */
  renew(): Promise<boolean> {
    if (this.renewing) return this.renewing;
    const refreshToken = this.tokens?.refreshToken;
    if (!refreshToken) return Promise.resolve(false);
    this.renewing = (async () => {
      try {
        const discovery = await this.discover();
        const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: this.config.clientId });
        this.accept(await this.tokenRequest(discovery.token_endpoint, body));
        return true;
      } catch {
        this.end();
        return false;
      } finally {
        this.renewing = null;
      }
    })();
    return this.renewing;
  }

  /** Forgets the tokens and ends the Keycloak session (its end-session endpoint redirects back to the console). */
  async signOut(): Promise<void> {
    const idToken = this.tokens?.idToken ?? null;
    this.end();
    const discovery = await this.discover().catch(() => null);
    if (!discovery?.end_session_endpoint) {
      this.env.navigate(`${this.env.origin}/`);
      return;
    }
    const url = new URL(discovery.end_session_endpoint);
    url.searchParams.set('client_id', this.config.clientId);
    url.searchParams.set('post_logout_redirect_uri', `${this.env.origin}/`);
    if (idToken) url.searchParams.set('id_token_hint', idToken);
    this.env.navigate(url.toString());
  }

  private end() {
    this.tokens = null;
    if (this.timer !== null) this.env.clearTimer(this.timer);
    this.timer = null;
    this.env.storage.removeItem(SIGNED_IN_KEY);
    this.notify();
  }

  private accept(tokens: Tokens) {
    this.tokens = tokens;
    this.env.storage.setItem(SIGNED_IN_KEY, '1');
    if (this.timer !== null) this.env.clearTimer(this.timer);
    const lifetime = tokens.expiresAt - this.env.now();
    this.timer = tokens.refreshToken ? this.env.setTimer(() => void this.renew(), Math.max(1000, lifetime * RENEW_AT)) : null;
    this.notify();
  }

  private notify() {
    for (const listener of this.listeners) listener();
  }

  private discover(): Promise<Discovery> {
    this.discovery ??= (async () => {
      const url = `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      let response: Response;
      try {
        response = await this.env.fetch(url);
      } catch (error) {
        throw new SignInError(`Keycloak at ${this.config.issuer} could not be reached (${error instanceof Error ? error.message : String(error)}).`);
      }
      if (!response.ok) throw new SignInError(`Keycloak's OIDC discovery at ${url} answered ${response.status}.`);
      return (await response.json()) as Discovery;
    })();
    this.discovery.catch(() => {
      this.discovery = null; // a later attempt may succeed
    });
    return this.discovery;
  }

  private async tokenRequest(endpoint: string, body: URLSearchParams): Promise<Tokens> {
    const response = await this.env.fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString() });
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof answer.access_token !== 'string') {
      const reason = typeof answer.error_description === 'string' ? answer.error_description : typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`;
      throw new SignInError(`Keycloak did not issue tokens: ${reason}.`);
    }
    const expiresIn = typeof answer.expires_in === 'number' ? answer.expires_in : 300;
    return {
      accessToken: answer.access_token,
      refreshToken: typeof answer.refresh_token === 'string' ? answer.refresh_token : (this.tokens?.refreshToken ?? null),
      idToken: typeof answer.id_token === 'string' ? answer.id_token : (this.tokens?.idToken ?? null),
      expiresAt: this.env.now() + expiresIn * 1000,
    };
  }
}

function parsePending(raw: string | null): Pending | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Pending>;
    return typeof value.verifier === 'string' && typeof value.state === 'string' ? { verifier: value.verifier, state: value.state, returnTo: safeReturnPath(value.returnTo ?? '/') } : null;
  } catch {
    return null;
  }
}

/** Only a path of this console: a crafted returnTo must not send the user to another site after signing in. */
export function safeReturnPath(path: string): string {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith(CALLBACK_PATH) ? path : '/';
}

export function browserEnvironment(): Environment {
  return {
    fetch: (input, init) => fetch(input, init),
    storage: window.sessionStorage,
    navigate: (url) => window.location.assign(url),
    origin: window.location.origin,
    random: (length) => crypto.getRandomValues(new Uint8Array(length)),
    sha256: (data) => crypto.subtle.digest('SHA-256', data as BufferSource),
    now: () => Date.now(),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  };
}
