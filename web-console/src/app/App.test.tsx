// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from './App';
import { ApiClient } from './api/client';
import { ConsoleRuntime } from './auth/runtime';

beforeAll(() => {
  // jsdom has no layout engine; React Flow only needs these to exist.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  // Nor does CodeMirror get text measurements; empty ones are enough for these tests.
  Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
  (globalThis as { DOMMatrixReadOnly?: unknown }).DOMMatrixReadOnly ??= class {
    m22 = 1;
  };
});

afterEach(cleanup);

/** A control plane without the catalog, examples and validation endpoints yet. */
const notThereYet = new ApiClient(undefined, async () => new Response(null, { status: 404, statusText: 'Not Found' }));

function editorText(): string {
  const view = EditorView.findFromDOM(document.querySelector('.cm-editor') as HTMLElement)!;
  return view.state.doc.toString();
}

/** The YAML editor (CodeMirror) is loaded after the first paint: waits until it is there. */
async function editorReady(): Promise<void> {
  await waitFor(() => expect(document.querySelector('.cm-editor')).not.toBeNull(), { timeout: 10000 });
}

function typeInEditor(text: string) {
  const view = EditorView.findFromDOM(document.querySelector('.cm-editor') as HTMLElement)!;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

describe('the console', () => {
  it('opens the builder on the word-count template with the bundled catalog when the API lacks it', async () => {
    render(
      <MemoryRouter initialEntries={['/']}>
        <App api={notThereYet} />
      </MemoryRouter>,
    );
    const palette = await screen.findByRole('navigation', { name: 'Node palette' });
    for (const group of ['Sources', 'Transforms', 'Windows & joins', 'Sinks']) expect(within(palette).getByRole('heading', { name: group })).toBeTruthy();
    expect(within(palette).getByRole('button', { name: /^Add kafka-source/ })).toBeTruthy();
    expect(within(palette).getByRole('button', { name: /^Add join/ })).toBeTruthy();
    await editorReady();
    expect(editorText()).toContain('metadata: {name: word-count}');
    expect(await screen.findByText('counts')).toBeTruthy();
    await screen.findByText(/Server validation unavailable/, undefined, { timeout: 3000 });
  });

  it('adds a node from the palette with the keyboard path, into the YAML', async () => {
    render(
      <MemoryRouter initialEntries={['/builder']}>
        <App api={notThereYet} />
      </MemoryRouter>,
    );
    const add = await screen.findByRole('button', { name: /^Add deduplicate/ });
    await editorReady();
    fireEvent.click(add);
    await waitFor(() => expect(editorText()).toMatch(/- \{id: deduplicate, type: deduplicate[^\n]*\}\n/));
    expect(editorText()).toMatch(/layout:\n {4}lines: \{x: -?\d+, y: -?\d+\}/);
    expect(screen.getByRole('form', { name: 'Settings of node deduplicate' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(editorText()).not.toContain('deduplicate'));
  });

  it('keeps the last good graph and shows the syntax error when the YAML breaks', async () => {
    render(
      <MemoryRouter initialEntries={['/builder']}>
        <App api={notThereYet} />
      </MemoryRouter>,
    );
    await screen.findByText('counts');
    await editorReady();
    const broken = editorText().replace('spec:\n', 'spec: [\n');
    typeInEditor(broken);
    const banner = await screen.findByRole('alert', undefined, { timeout: 2000 });
    expect(banner.textContent).toMatch(/YAML syntax error at line \d+/);
    expect(screen.getByText('counts')).toBeTruthy();
    expect(editorText()).toBe(broken);
    typeInEditor(broken.replace('spec: [\n', 'spec:\n').replace('id: out,', 'id: sink,'));
    await screen.findByText('sink', undefined, { timeout: 2000 });
    expect(screen.queryByText(/YAML syntax error at line/)).toBeNull();
  });

  it('shows an error state, never a blank page, when the API fails, and a not-found page', async () => {
    render(
      <MemoryRouter initialEntries={['/jobs']}>
        <App api={notThereYet} />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { name: 'Jobs' })).toBeTruthy();
    expect((await screen.findByRole('alert')).textContent).toMatch(/The jobs could not be loaded: Not Found/);
    cleanup();
    render(
      <MemoryRouter initialEntries={['/nope']}>
        <App api={notThereYet} />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'API docs' }).getAttribute('href')).toBe('/q/swagger-ui');
  });

  it('saves a pipeline with If-Match and offers a reload when someone else changed it (412)', async () => {
    const spec = 'apiVersion: millrace.io/v1\nkind: Pipeline\nmetadata: {name: wc}\nspec:\n  nodes: []\n';
    const puts: Array<Record<string, string>> = [];
    const runtime = new ConsoleRuntime(async (input, init) => {
      const method = init?.method ?? 'GET';
      const ok = (body: unknown, etag?: string) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ...(etag ? { ETag: etag } : {}) } });
      if (input === '/api/v1/tenants') return ok([{ id: 'acme', displayName: 'Acme', role: 'EDITOR' }]);
      if (input === '/api/v1/tenants/current') return ok({ id: 'acme', role: 'editor' });
      if (input === '/api/v1/pipelines/wc' && method === 'GET') return ok({ name: 'wc', latestVersion: 3, latest: { version: 3, spec } }, '"e3"');
      if (input === '/api/v1/pipelines/wc' && method === 'PUT') {
        puts.push(init?.headers as Record<string, string>);
        return new Response(JSON.stringify({ title: 'Precondition Failed', status: 412 }), { status: 412, headers: { 'Content-Type': 'application/problem+json' } });
      }
      return new Response(null, { status: 404 });
    });
    render(
      <MemoryRouter initialEntries={['/builder/wc']}>
        <App api={runtime.api} selectTenant={runtime.selectTenant} />
      </MemoryRouter>,
    );
    await editorReady();
    await waitFor(() => expect(editorText()).toBe(spec));
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect((await screen.findByText(/changed by someone else/)).textContent).toMatch(/was not saved/);
    expect(puts[0]['If-Match']).toBe('"e3"');
    expect(puts[0]['Millrace-Tenant']).toBe('acme');
    expect(screen.getByRole('button', { name: 'Reload from server' })).toBeTruthy();
  });
});
