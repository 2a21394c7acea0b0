import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from './client';
import { loadCatalog } from '../catalog/catalogSource';

function respond(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, statusText: status === 404 ? 'Not Found' : 'Error', headers: { 'Content-Type': contentType } });
}

describe('the API client', () => {
  it('sends the bearer token from the token source, and only when there is one', async () => {
    const seen: Array<Record<string, string>> = [];
    const fetch = async (_: string, init?: RequestInit) => {
      seen.push(init?.headers as Record<string, string>);
      return respond(200, { ok: true });
    };
    await new ApiClient({ accessToken: async () => 'tok-1' }, fetch).get('/api/v1/x');
    await new ApiClient(undefined, fetch).get('/api/v1/x');
    expect(seen[0].Authorization).toBe('Bearer tok-1');
    expect(seen[1].Authorization).toBeUndefined();
  });

  it('turns problem+json into a readable ApiError', async () => {
    const client = new ApiClient(undefined, async () => respond(403, { title: 'Forbidden', detail: 'Role viewer cannot deploy in tenant acme.', status: 403 }, 'application/problem+json'));
    const error = await client.get('/api/v1/jobs').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('Forbidden: Role viewer cannot deploy in tenant acme.');
    expect((error as ApiError).status).toBe(403);
  });

  it('reports an unreachable server as status 0 with advice', async () => {
    const client = new ApiClient(undefined, async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await client.get('/api/v1/jobs').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not be reached \(Failed to fetch\)/);
  });
});

describe('the catalog', () => {
  it('uses the schema the server serves: a new connector becomes a node kind', async () => {
    const schema = { $id: 'x', $defs: { 'node-s3-sink': { description: 'Writes to S3.', 'x-millrace-role': 'sink', properties: { inputs: { minItems: 1 } } } } };
    const catalog = await loadCatalog(new ApiClient(undefined, async () => respond(200, { schema, nodeKinds: [], connectors: [] })));
    expect(catalog.origin).toBe('server');
    expect([...catalog.kinds.keys()]).toEqual(['s3-sink']);
    expect(catalog.kinds.get('s3-sink')!.role).toBe('sink');
  });

  it('falls back to the bundled schema when the endpoint is missing', async () => {
    const catalog = await loadCatalog(new ApiClient(undefined, async () => respond(404, undefined)));
    expect(catalog.origin).toBe('bundled');
    expect(catalog.kinds.get('join')!.inputPorts).toEqual(['left', 'right']);
    expect(catalog.kinds.get('lookup-join')!.inputPorts).toEqual(['stream', 'table']);
    expect(catalog.kinds.get('window-aggregate')!.sideOutputs).toEqual(['late', 'dead-letter']);
    expect(catalog.kinds.get('kafka-source')!.maxInputs).toBe(0);
  });
});
