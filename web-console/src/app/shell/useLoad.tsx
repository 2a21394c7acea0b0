/** Loading an API resource with its three states, so no page is ever blank: loading, error (with retry), data. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';

export type Loaded<T> = { readonly state: 'loading' } | { readonly state: 'error'; readonly message: string } | { readonly state: 'done'; readonly data: T };

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loaded<T>, () => void, (data: T) => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load()
      .then((data) => live && setLoaded({ state: 'done', data }))
      .catch((error: unknown) => live && setLoaded({ state: 'error', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
    // The caller lists what the load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const set = useCallback((data: T) => setLoaded({ state: 'done', data }), []);
  return [loaded, reload, set];
}

/** Renders the loading and error states of `loaded`, and `children(data)` once it is there. */
export function LoadView<T>({ loaded, what, retry, children }: { loaded: Loaded<T>; what: string; retry: () => void; children: (data: T) => ReactNode }) {
  if (loaded.state === 'loading') return <p className="loading" role="status">Loading {what}…</p>;
  if (loaded.state === 'error') {
    return (
      <div className="error-state" role="alert">
        <p>
          The {what} could not be loaded: {loaded.message}
        </p>
        <button type="button" onClick={retry}>
          Retry
        </button>
      </div>
    );
  }
  return <>{children(loaded.data)}</>;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
