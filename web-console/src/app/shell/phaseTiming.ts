/**
 * User Timing of the builder's phases: `performance.measure('millrace:<phase>')`, the latest one per phase (older
 * ones are cleared, so a long session does not grow the timeline). The browser test reads them to say where an
 * interaction's time goes (edit the text, read it, React render + DOM commit, CodeMirror); the browser's own
 * performance tools show them too. Costs microseconds.
 */
const PREFIX = 'millrace:';

function canMeasure(): boolean {
  return typeof performance !== 'undefined' && typeof performance.measure === 'function' && typeof performance.clearMeasures === 'function';
}

/** Runs `work` and records its duration as phase `name`. */
export function timedPhase<T>(name: string, work: () => T): T {
  if (!canMeasure()) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    recordPhase(name, start);
  }
}

/** Records phase `name` from `start` (a `performance.now()` value) until now. */
export function recordPhase(name: string, start: number): void {
  if (!canMeasure()) return;
  performance.clearMeasures(PREFIX + name);
  performance.measure(PREFIX + name, { start });
}
