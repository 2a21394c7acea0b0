import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizeUrl, challengeOf, createVerifier, displayName, jwtClaims, parseCallback } from './pkce';
import { OidcSession, safeReturnPath, type Environment } from './oidcSession';
import { can, parseRole } from './roles';

const discovery = {
  authorization_endpoint: 'http://kc.test/realms/m/protocol/openid-connect/auth',
  token_endpoint: 'http://kc.test/realms/m/protocol/openid-connect/token',
  end_session_endpoint: 'http://kc.test/realms/m/protocol/openid-connect/logout',
};

function jwt(claims: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

/** A fake Keycloak: discovery, and a token endpoint that records what it got and answers from a queue. */
function fakeEnv() {
  const store = new Map<string, string>();
  const navigations: string[] = [];
  const tokenRequests: URLSearchParams[] = [];
  const answers: Array<{ status: number; body: Record<string, unknown> }> = [];
  const timers: Array<{ run: () => void; ms: number }> = [];
  let now = 1_000_000;
  const env: Environment = {
    fetch: async (input, init) => {
      if (input.endsWith('/.well-known/openid-configuration')) return new Response(JSON.stringify(discovery), { status: 200 });
      tokenRequests.push(new URLSearchParams(String(init?.body)));
      const answer = answers.shift() ?? { status: 400, body: { error: 'invalid_grant', error_description: 'Token is not active' } };
      return new Response(JSON.stringify(answer.body), { status: answer.status });
    },
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v), removeItem: (k) => void store.delete(k) },
    navigate: (url) => void navigations.push(url),
    origin: 'http://console.test',
    random: (n) => new Uint8Array(randomBytes(n)),
    sha256: async (data) => {
      const digest = createHash('sha256').update(data).digest();
      return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength);
    },
    now: () => now,
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => {},
  };
  return { env, store, navigations, tokenRequests, answers, timers, advance: (ms: number) => (now += ms) };
}

describe('PKCE', () => {
  it('makes the RFC 7636 S256 challenge (appendix B test vector)', async () => {
    const sha256 = async (d: Uint8Array) => {
      const b = createHash('sha256').update(d).digest();
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    };
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', sha256)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43 unreserved characters, different each time', () => {
    const random = (n: number) => new Uint8Array(randomBytes(n));
    const a = createVerifier(random);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createVerifier(random)).not.toBe(a);
  });

  it('builds the authorize URL and reads the callback', () => {
    const url = new URL(authorizeUrl(discovery, { clientId: 'millrace-console', redirectUri: 'http://c/auth/callback', state: 's1', challenge: 'ch', nonce: 'n' }));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe('millrace-console');
    expect(parseCallback('?code=abc&state=s1')).toEqual({ kind: 'code', code: 'abc', state: 's1' });
    expect(parseCallback('?error=access_denied&error_description=no')).toEqual({ kind: 'error', message: 'access_denied: no' });
    expect(parseCallback('?state=s1').kind).toBe('error');
  });

  it('reads a display name from the token claims', () => {
    expect(displayName(jwtClaims(jwt({ preferred_username: 'alice', sub: 'u1' })))).toBe('alice');
    expect(displayName(jwtClaims('not-a-jwt'))).toBe('signed-in user');
  });
});

describe('the OIDC session', () => {
  async function signedIn() {
    const fake = fakeEnv();
    const session = new OidcSession({ issuer: 'http://kc.test/realms/m/', clientId: 'millrace-console' }, fake.env);
    await session.signIn('/pipelines/orders');
    const authorize = new URL(fake.navigations[0]);
    fake.answers.push({ status: 200, body: { access_token: 'at-1', refresh_token: 'rt-1', id_token: jwt({ name: 'Alice Doe', sub: 'u1' }), expires_in: 300 } });
    const returnTo = await session.completeSignIn(`?code=the-code&state=${authorize.searchParams.get('state')}`);
    return { fake, session, authorize, returnTo };
  }

  it('signs in: redirect with a challenge, code traded with the verifier that matches it, back to where the user was', async () => {
    const { fake, session, authorize, returnTo } = await signedIn();
    expect(authorize.origin + authorize.pathname).toBe(discovery.authorization_endpoint);
    expect(authorize.searchParams.get('redirect_uri')).toBe('http://console.test/auth/callback');
    const exchange = fake.tokenRequests[0];
    expect(exchange.get('grant_type')).toBe('authorization_code');
    expect(exchange.get('code')).toBe('the-code');
    const expected = createHash('sha256').update(exchange.get('code_verifier')!).digest('base64url');
    expect(authorize.searchParams.get('code_challenge')).toBe(expected);
    expect(returnTo).toBe('/pipelines/orders');
    expect(await session.accessToken()).toBe('at-1');
    expect(session.user()).toEqual({ name: 'Alice Doe', subject: 'u1' });
    // Tokens stay in memory: storage holds only the "was signed in" mark, no token.
    expect([...fake.store.values()].join()).not.toContain('at-1');
    expect(fake.timers[0].ms).toBe(210_000);
  });

  it('refuses a callback whose state is not the one this tab started', async () => {
    const fake = fakeEnv();
    const session = new OidcSession({ issuer: 'http://kc.test/realms/m', clientId: 'c' }, fake.env);
    await session.signIn('/');
    await expect(session.completeSignIn('?code=x&state=forged')).rejects.toThrow(/state mismatch/);
    await expect(session.completeSignIn('?code=x&state=forged')).rejects.toThrow(/No sign-in was started/);
    expect(fake.tokenRequests).toHaveLength(0);
  });

  it('renews with the refresh token before an expired token is sent, and once after a 401', async () => {
    const { fake, session } = await signedIn();
    fake.advance(295_000);
    fake.answers.push({ status: 200, body: { access_token: 'at-2', expires_in: 300 } });
    expect(await session.accessToken()).toBe('at-2');
    expect(fake.tokenRequests[1].get('grant_type')).toBe('refresh_token');
    expect(fake.tokenRequests[1].get('refresh_token')).toBe('rt-1');
    fake.answers.push({ status: 200, body: { access_token: 'at-3', refresh_token: 'rt-2', expires_in: 300 } });
    expect(await session.renewAfterUnauthorized()).toBe(true);
    expect(await session.accessToken()).toBe('at-3');
  });

  it('ends the session when Keycloak refuses the refresh, and tells its listeners', async () => {
    const { session } = await signedIn();
    let told = 0;
    session.subscribe(() => told++);
    expect(await session.renewAfterUnauthorized()).toBe(false);
    expect(session.signedIn).toBe(false);
    expect(await session.accessToken()).toBeNull();
    expect(told).toBe(1);
  });

  it('signs out through the end-session endpoint with the id token hint', async () => {
    const { fake, session } = await signedIn();
    await session.signOut();
    const logout = new URL(fake.navigations[1]);
    expect(logout.origin + logout.pathname).toBe(discovery.end_session_endpoint);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe('http://console.test/');
    expect(logout.searchParams.get('id_token_hint')).toContain('.');
    expect(session.signedIn).toBe(false);
    expect(session.wasSignedIn).toBe(false);
  });

  it('only returns to paths of the console', () => {
    expect(safeReturnPath('/jobs/1')).toBe('/jobs/1');
    expect(safeReturnPath('//evil.test/x')).toBe('/');
    expect(safeReturnPath('https://evil.test')).toBe('/');
    expect(safeReturnPath('/auth/callback?code=1')).toBe('/');
  });
});

describe('role gating', () => {
  it('lets each role do what the server allows it, and an unknown role only read', () => {
    expect([can('viewer', 'read'), can('viewer', 'write'), can('viewer', 'operate'), can('viewer', 'admin')]).toEqual([true, false, false, false]);
    expect([can('editor', 'write'), can('editor', 'operate'), can('editor', 'admin')]).toEqual([true, true, false]);
    expect(can('admin', 'admin')).toBe(true);
    expect([can(null, 'read'), can(null, 'write')]).toEqual([true, false]);
    expect(parseRole('EDITOR')).toBe('editor');
    expect(parseRole('owner')).toBeNull();
  });
});
