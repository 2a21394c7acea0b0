/**
 * Server validation (`POST /api/v1/pipelines:validate`, DESIGN.md: the console only shows what the server finds).
 * Each error is located by JSON pointer, line and column; here it is also attached to the node it belongs to.
 */
import { ApiError, type ApiClient } from '../api/client';
import type { SpecView } from '../spec/specModel';

export interface ValidationError {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint?: string;
}

export interface ValidationResponse {
  readonly valid: boolean;
  readonly errors: readonly ValidationError[];
}

export type ServerValidation =
  | { readonly state: 'idle' }
  | { readonly state: 'unavailable'; readonly reason: string }
  | { readonly state: 'done'; readonly text: string; readonly result: ValidationResponse };

export async function validateOnServer(api: ApiClient, text: string): Promise<ServerValidation> {
  try {
    const result = await api.post<ValidationResponse>('/api/v1/pipelines:validate', { text, contentType: 'application/yaml' });
    return { state: 'done', text, result: { valid: Boolean(result.valid), errors: result.errors ?? [] } };
  } catch (error) {
    if (error instanceof ApiError) {
      return { state: 'unavailable', reason: error.isMissingEndpoint ? 'The control plane does not offer validation yet.' : error.message };
    }
    throw error;
  }
}

const NODE_POINTER = /^\/spec\/nodes\/(\d+)(\/|$)/;
const LAYOUT_POINTER = /^\/metadata\/layout\/([^/]+)/;

/** The id of the node an error is about (by its pointer, or by its line inside a node item), or null. */
export function nodeOfError(error: ValidationError, view: SpecView): string | null {
  const byPointer = NODE_POINTER.exec(error.path);
  if (byPointer) return view.nodes[Number(byPointer[1])]?.id ?? null;
  const byLayout = LAYOUT_POINTER.exec(error.path);
  if (byLayout) return view.nodes.find((n) => n.id === decodePointer(byLayout[1]))?.id ?? null;
  return null;
}

function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function errorsByNode(errors: readonly ValidationError[], view: SpecView): Map<string, ValidationError[]> {
  const byNode = new Map<string, ValidationError[]>();
  for (const error of errors) {
    const id = nodeOfError(error, view);
    if (id === null) continue;
    byNode.set(id, [...(byNode.get(id) ?? []), error]);
  }
  return byNode;
}
