/**
 * Undo/redo over spec texts. The text is the whole state of the builder, so one stack serves canvas and form edits
 * alike; typing in the YAML editor enters it once the text settles (see BuilderPage).
 */
export interface History {
  readonly past: readonly string[];
  readonly present: string;
  readonly future: readonly string[];
}

const LIMIT = 200;

export function startHistory(text: string): History {
  return { past: [], present: text, future: [] };
}

export function record(history: History, text: string): History {
  if (text === history.present) return history;
  return { past: [...history.past, history.present].slice(-LIMIT), present: text, future: [] };
}

export function undo(history: History): History {
  if (history.past.length === 0) return history;
  return { past: history.past.slice(0, -1), present: history.past[history.past.length - 1], future: [history.present, ...history.future] };
}

export function redo(history: History): History {
  if (history.future.length === 0) return history;
  return { past: [...history.past, history.present], present: history.future[0], future: history.future.slice(1) };
}
