/**
 * The pure parts of the authorization code flow with PKCE (RFC 7636) against Keycloak's public client: the verifier
 * and its S256 challenge, the authorize URL, the callback's query, the claims of an ID token. No I/O here, so every
 * step is unit-tested; `oidcSession.ts` does the redirects and token requests.
 */

export interface Discovery {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly end_session_endpoint?: string;
}

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes → 43 URL-safe characters, within RFC 7636's 43..128 and its unreserved alphabet. */
export function createVerifier(random: (length: number) => Uint8Array): string {
  return base64Url(random(32));
}

export async function challengeOf(verifier: string, sha256: (data: Uint8Array) => Promise<ArrayBuffer>): Promise<string> {
  return base64Url(new Uint8Array(await sha256(new TextEncoder().encode(verifier))));
}

export interface AuthorizeRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
  readonly challenge: string;
  readonly nonce: string;
}

export function authorizeUrl(discovery: Discovery, request: AuthorizeRequest): string {
  const url = new URL(discovery.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('scope', 'openid profile');
  url.searchParams.set('state', request.state);
  url.searchParams.set('nonce', request.nonce);
  url.searchParams.set('code_challenge', request.challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

export type Callback =
  | { readonly kind: 'code'; readonly code: string; readonly state: string }
  | { readonly kind: 'error'; readonly message: string };

/** The query Keycloak redirects back with: a code and our state, or an error it explains. */
export function parseCallback(search: string): Callback {
  const query = new URLSearchParams(search);
  const error = query.get('error');
  if (error) {
    const description = query.get('error_description');
    return { kind: 'error', message: description ? `${error}: ${description}` : error };
  }
  const code = query.get('code');
  const state = query.get('state');
  if (!code || !state) return { kind: 'error', message: 'The sign-in answer carries no code or state; start the sign-in again.' };
  return { kind: 'code', code, state };
}

/** The payload of a JWT, not verified: the server verifies every token it gets; the console only shows a name. */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const padded = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function displayName(claims: Record<string, unknown>): string {
  for (const key of ['name', 'preferred_username', 'email', 'sub']) {
    const value = claims[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return 'signed-in user';
}
