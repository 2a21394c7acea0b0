/**
 * Where the palette and forms come from. One path consumes the schema: `GET /api/v1/catalog` when the control plane
 * serves it, else the schema bundled at build time; either way `nodeKindsOf(schema)` makes the kinds, so a connector
 * added on the server appears with no console change.
 */
import { ApiError, type ApiClient } from '../api/client';
import { bundledSchema, bundledTemplates, type Template } from './bundled';
import { nodeKindsOf, type JsonSchema, type NodeKind } from './nodeKinds';

/** The body of `GET /api/v1/catalog`; only `schema` is needed, the rest is descriptive. */
export interface CatalogResponse {
  readonly schema: JsonSchema;
  readonly nodeKinds?: unknown;
  readonly connectors?: unknown;
}

export interface Catalog {
  readonly schema: JsonSchema;
  readonly kinds: Map<string, NodeKind>;
  readonly origin: 'server' | 'bundled';
}

export function catalogOf(schema: JsonSchema, origin: Catalog['origin']): Catalog {
  return { schema, kinds: nodeKindsOf(schema), origin };
}

export async function loadCatalog(api: ApiClient): Promise<Catalog> {
  try {
    const response = await api.get<CatalogResponse>('/api/v1/catalog');
    if (response && typeof response.schema === 'object') return catalogOf(response.schema, 'server');
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // Any API failure: the bundled schema still lets the user build; the origin shows in the UI.
  }
  return catalogOf(bundledSchema, 'bundled');
}

export async function loadTemplates(api: ApiClient): Promise<readonly Template[]> {
  try {
    const served = await api.get<Template[]>('/api/v1/catalog/examples');
    if (Array.isArray(served) && served.every((t) => typeof t?.text === 'string' && typeof t?.name === 'string')) {
      return served.map((t) => ({ name: t.name, title: t.title ?? t.name, text: t.text }));
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
  return bundledTemplates;
}
