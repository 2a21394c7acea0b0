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

/**
 * What a session adds besides the token: the tenant the user acts in (sent as `Millrace-Tenant`), and a chance to
 * renew the token once when the server answers 401 (expired between two renewals) before the error reaches the page.
 */
export interface SessionHooks {
  tenant(): string | null;
  /** Called on a 401; true when a new token was obtained and the request may be sent again. */
  renewAfterUnauthorized(): Promise<boolean>;
}

const noSession: SessionHooks = { tenant: () => null, renewAfterUnauthorized: async () => false };

export type Body = { text: string; contentType: string } | { json: unknown };

export interface RequestOptions {
  readonly body?: Body;
  readonly headers?: Record<string, string>;
  /** 'text' reads the body as text (diffs, a version's spec); default JSON. */
  readonly read?: 'json' | 'text';
}

/** A successful answer with the headers the caller may need (ETag). */
export interface ApiResponse<T> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

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
  const head = detail && detail !== title ? `${title}: ${detail}` : title;
  // Field errors say where (the field) and why; the detail alone often just says "see errors".
  const fields = Array.isArray(problem?.errors)
    ? (problem.errors as Array<{ field?: string; message?: string }>).filter((e) => e && e.message).map((e) => (e.field ? `${e.field}: ${e.message}` : String(e.message)))
    : [];
  return fields.length > 0 ? `${head} (${fields.join('; ')})` : head;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class ApiClient {
  constructor(
    private readonly tokens: TokenSource = signedOut,
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
    private readonly baseUrl = '',
    private readonly session: SessionHooks = noSession,
  ) {}

  async request<T>(method: string, path: string, body?: Body): Promise<T> {
    return (await this.exchange<T>(method, path, { body })).body;
  }

  /** The full answer (status, headers, body); errors are thrown as `ApiError` like `request`. */
  async exchange<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const first = await this.send(method, path, options);
    const response = first.status === 401 && (await this.session.renewAfterUnauthorized()) ? await this.send(method, path, options) : first;
    if (!response.ok) {
      const problem = await readProblem(response);
      throw new ApiError(response.status, problem, problemMessage(response.status, response.statusText, problem));
    }
    let parsed: unknown = undefined;
    if (response.status !== 204) parsed = options.read === 'text' ? await response.text() : await readJson(response);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  private async send(method: string, path: string, { body, headers: extra, read }: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: read === 'text' ? 'text/plain, application/yaml, application/json, application/problem+json' : 'application/json, application/problem+json', ...extra };
    const token = await this.tokens.accessToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    const tenant = this.session.tenant();
    if (tenant) headers['Millrace-Tenant'] = tenant;
    let payload: string | undefined;
    if (body && 'json' in body) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body) {
      headers['Content-Type'] = body.contentType;
      payload = body.text;
    }
    try {
      return await this.fetchImpl(`${this.baseUrl}${path}`, { method, headers, body: payload });
    } catch (error) {
      throw new ApiError(0, null, problemMessage(0, error instanceof Error ? error.message : String(error), null));
    }
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: Body): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: Body): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  getText(path: string): Promise<string> {
    return this.exchange<string>('GET', path, { read: 'text' }).then((r) => r.body);
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return text.length === 0 ? undefined : JSON.parse(text);
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
