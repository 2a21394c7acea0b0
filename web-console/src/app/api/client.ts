/**
 * The one HTTP client of the console. Auth headers are added here and only here, from a `TokenSource` (the sign-in
 * module of issue 8 part 2 supplies one: SPA code flow with PKCE against Keycloak's public client `millrace-console`,
 * its settings from `GET /api/v1/auth/config`). Errors come back as `ApiError` with a readable message built from
 * the RFC 9457 problem+json body, never as a raw response or stack trace.
 */

export interface TokenSource {
  /** The bearer token to send, or null when signed out. */
  accessToken(): Promise<string | null>;
}

export const signedOut: TokenSource = { accessToken: async () => null };

export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server does not offer this endpoint (yet): callers fall back instead of showing an error. */
  get isMissingEndpoint(): boolean {
    return this.status === 404 || this.status === 405 || this.status === 501;
  }
}

export function problemMessage(status: number, statusText: string, problem: Problem | null): string {
  if (status === 0) return `The control plane could not be reached (${statusText}). Check that it is running and try again.`;
  const title = problem?.title ?? (statusText || `HTTP ${status}`);
  const detail = problem?.detail;
  return detail && detail !== title ? `${title}: ${detail}` : title;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class ApiClient {
  constructor(
    private readonly tokens: TokenSource = signedOut,
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
    private readonly baseUrl = '',
  ) {}

  async request<T>(method: string, path: string, body?: { text: string; contentType: string } | { json: unknown }): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const token = await this.tokens.accessToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (body && 'json' in body) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body) {
      headers['Content-Type'] = body.contentType;
      payload = body.text;
    }
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, { method, headers, body: payload });
    } catch (error) {
      throw new ApiError(0, null, problemMessage(0, error instanceof Error ? error.message : String(error), null));
    }
    if (!response.ok) {
      const problem = await readProblem(response);
      throw new ApiError(response.status, problem, problemMessage(response.status, response.statusText, problem));
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: { text: string; contentType: string } | { json: unknown }): Promise<T> {
    return this.request<T>('POST', path, body);
  }
}

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return null;
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as Problem) : null;
  } catch {
    return null;
  }
}
