/** Polls while the page is open: the first load at once, then every `everyMs`; the last good value stays on error. */
import { useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  readonly data: T | null;
  readonly error: string | null;
  readonly loading: boolean;
}

export function usePoll<T>(load: () => Promise<T>, everyMs: number, deps: readonly unknown[]): Polled<T> & { refresh: () => void } {
  const [state, setState] = useState<Polled<T>>({ data: null, error: null, loading: true });
  const tick = useRef<() => void>(() => {});
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      clearTimeout(timer);
      load()
        .then((data) => live && setState({ data, error: null, loading: false }))
        .catch((e: unknown) => live && setState((old) => ({ data: old.data, error: e instanceof Error ? e.message : String(e), loading: false })))
        .finally(() => {
          if (live) timer = setTimeout(run, everyMs);
        });
    };
    tick.current = run;
    run();
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The caller lists what the load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, everyMs]);
  return { ...state, refresh: () => tick.current() };
}
