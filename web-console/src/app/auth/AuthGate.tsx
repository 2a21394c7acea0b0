/**
 * Sign-in before anything else: reads `GET /api/v1/auth/config`, finishes the code flow on `/auth/callback`, and
 * shows a sign-in screen while there is no session. A control plane without the auth endpoint (a local dev server
 * with auth off) runs the console without sign-in.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { browserEnvironment, CALLBACK_PATH, OidcSession, type AuthConfig, type Environment, type User } from './oidcSession';
import type { ConsoleRuntime } from './runtime';

export interface Account {
  readonly user: User | null;
  signOut(): void;
}

type Phase =
  | { readonly kind: 'loading' }
  | { readonly kind: 'no-auth' }
  | { readonly kind: 'signed-out'; readonly message: string | null }
  | { readonly kind: 'redirecting' }
  | { readonly kind: 'signed-in'; readonly user: User | null }
  | { readonly kind: 'error'; readonly message: string };

export function AuthGate({ runtime, environment, children }: { runtime: ConsoleRuntime; environment?: () => Environment; children: (account: Account | null) => ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    (async () => {
      let config: AuthConfig;
      try {
        config = await runtime.api.get<AuthConfig>('/api/v1/auth/config');
      } catch (error) {
        if (!live) return;
        if (error instanceof ApiError && error.isMissingEndpoint) setPhase({ kind: 'no-auth' });
        else setPhase({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
        return;
      }
      const session = runtime.session ?? new OidcSession(config, (environment ?? browserEnvironment)());
      runtime.session = session;
      session.subscribe(() => {
        if (live) setPhase(session.signedIn ? { kind: 'signed-in', user: session.user() } : { kind: 'signed-out', message: 'Your session ended. Sign in again to continue.' });
      });
      if (session.signedIn) {
        setPhase({ kind: 'signed-in', user: session.user() });
      } else if (window.location.pathname === CALLBACK_PATH) {
        const returnTo = await session.completeSignIn(window.location.search);
        if (live) navigate(returnTo, { replace: true });
      } else if (session.wasSignedIn) {
        if (live) setPhase({ kind: 'redirecting' });
        await session.signIn(window.location.pathname + window.location.search);
      } else if (live) {
        setPhase({ kind: 'signed-out', message: null });
      }
    })().catch((error: unknown) => live && setPhase({ kind: 'error', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
    // Runs once per attempt; navigation inside the app must not restart the sign-in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runtime, attempt]);

  const signIn = useCallback(() => {
    const session = runtime.session;
    if (!session) return;
    setPhase({ kind: 'redirecting' });
    const here = location.pathname === CALLBACK_PATH ? '/' : location.pathname + location.search;
    session.signIn(here).catch((error: unknown) => setPhase({ kind: 'error', message: error instanceof Error ? error.message : String(error) }));
  }, [runtime, location]);

  switch (phase.kind) {
    case 'loading':
      return <p className="loading" role="status">Loading…</p>;
    case 'redirecting':
      return <p className="loading" role="status">Signing in…</p>;
    case 'no-auth':
      return <>{children(null)}</>;
    case 'signed-in':
      return <>{children({ user: phase.user, signOut: () => void runtime.session?.signOut() })}</>;
    case 'signed-out':
      return (
        <section className="sign-in" aria-labelledby="sign-in-title">
          <h1 id="sign-in-title">Sign in to Millrace</h1>
          {phase.message && <p role="status">{phase.message}</p>}
          <p>The console signs you in with your organisation&apos;s account (Keycloak).</p>
          <button type="button" onClick={signIn}>
            Sign in
          </button>
        </section>
      );
    case 'error':
      return (
        <section className="sign-in error-state" role="alert" aria-labelledby="sign-in-error">
          <h1 id="sign-in-error">Sign-in failed</h1>
          <p>{phase.message}</p>
          <button
            type="button"
            onClick={() => {
              setPhase({ kind: 'loading' });
              if (window.location.pathname === CALLBACK_PATH) navigate('/', { replace: true });
              setAttempt((a) => a + 1);
            }}
          >
            Try again
          </button>
        </section>
      );
  }
}
