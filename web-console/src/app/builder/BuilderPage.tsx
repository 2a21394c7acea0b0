/**
 * The pipeline builder: palette, canvas and node form on one side, the YAML editor on the other, two views of one
 * text. Canvas and form edits are text edits (spec/specEdits.ts); typing in the editor re-reads the text once it
 * settles, and while it has a syntax error the canvas keeps the last good graph (read-only) and the editor shows
 * where the error is.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import { seg, type InferredSchema, type PipelineSummary, type PreviewReport } from '../api/types';
import { useAccess } from '../auth/access';
import { PreviewPanel } from '../preview/PreviewPanel';
import { recordPhase, timedPhase } from '../shell/phaseTiming';
import type { Template } from '../catalog/bundled';
import type { Catalog } from '../catalog/catalogSource';
import { autoLayout } from '../layout/autoLayout';
import { toGraph, type PipelineGraph } from '../spec/graph';
import {
  addNode,
  connect,
  copyNodes,
  disconnect,
  initialSettings,
  pasteNodes,
  readyForEdits,
  removeNodes,
  renameNode,
  setNodeSettings,
  setPositions,
  type CopiedNode,
} from '../spec/specEdits';
import { formatInputRef, readSpec, type Position, type SpecView, type SyntaxProblem } from '../spec/specModel';
import { YamlEditError } from '../spec/yamlEdit';
import { Canvas } from './Canvas';
import { record, redo, startHistory, undo, type History } from './history';
import { NodeForm } from './NodeForm';
import { Palette } from './Palette';
import type { SchemaValidator } from './schemaValidation';
import { errorsByNode, validateOnServer, type ServerValidation } from './serverValidation';
import { ShortcutsDialog } from './ShortcutsDialog';
import type { LineDiagnostic } from './YamlEditor';

// CodeMirror is a third of the app's code and not needed to show the palette and canvas: loaded right after.
const YamlEditor = lazy(() => import('./YamlEditor').then((m) => ({ default: m.YamlEditor })));

/** Typing pauses this long before the text is re-read into the graph. */
const SETTLE_MS = 250;
const VALIDATE_AFTER_MS = 800;
const PASTE_OFFSET: Position = { x: 40, y: 40 };
/** One shared empty list, so that memoised views do not see a new value on every render. */
const NO_ERRORS: readonly never[] = [];
/** Until Ajv is loaded and compiled (after the first paint, in idle time) the form shows no inline errors. */
const NOT_YET_VALIDATING: SchemaValidator = { validateNode: () => new Map() };

/** Runs `work` when the browser is idle (soon after, where there is no idle callback, as in jsdom). */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 0);
  return () => clearTimeout(handle);
}

const EMPTY_SPEC = `apiVersion: millrace.io/v1
kind: Pipeline
metadata: {name: my-pipeline}
spec:
  nodes: []
`;

interface Good {
  readonly text: string;
  readonly view: SpecView;
  readonly graph: PipelineGraph;
}

/** A pipeline opened from the server: its newest spec and the ETag that says which state it is. */
export interface OpenedPipeline {
  readonly name: string;
  readonly text: string;
  readonly etag: string | null;
}

type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly message: string }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'failed'; readonly message: string };

export function BuilderPage({ api, catalog, templates, opened }: { api: ApiClient; catalog: Catalog; templates: readonly Template[]; opened?: OpenedPipeline }) {
  const initial = opened?.text ?? templates.find((t) => t.name === 'word-count.yaml')?.text ?? EMPTY_SPEC;
  const access = useAccess();
  // The pipeline this text was loaded from or last saved as, with its ETag for If-Match.
  const [saved, setSaved] = useState<{ name: string; etag: string | null } | null>(opened ? { name: opened.name, etag: opened.etag } : null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [preview, setPreview] = useState<PreviewReport | null>(null);
  const [history, setHistory] = useState<History>(() => startHistory(initial));
  const historyRef = useRef(history);
  historyRef.current = history;
  const [editorText, setEditorText] = useState(initial);
  const [problems, setProblems] = useState<readonly SyntaxProblem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [autoPositions, setAutoPositions] = useState<Record<string, Position>>({});
  const [validation, setValidation] = useState<ServerValidation>({ state: 'idle' });
  const [helpOpen, setHelpOpen] = useState(false);
  const clipboard = useRef<CopiedNode[]>([]);
  // Ajv (and compiling the schema) is not needed for the first paint: it is loaded and warmed when the page is idle.
  const [validator, setValidator] = useState<SchemaValidator>(NOT_YET_VALIDATING);
  useEffect(() => {
    let current = true;
    const cancel = whenIdle(() => {
      void import('./schemaValidation').then(({ schemaValidator, warmUp }) => {
        if (!current) return;
        const ready = schemaValidator(catalog.schema);
        warmUp(ready, catalog.kinds.values());
        setValidator(() => ready);
      });
    });
    return () => {
      current = false;
      cancel();
    };
  }, [catalog]);

  // The last text that parsed: what the canvas shows.
  const good = useMemo<Good>(
    () =>
      timedPhase('read', () => {
        const read = readSpec(history.present);
        const view: SpecView = read.ok ? read.view : { name: '', nodes: [], layout: {}, layoutDeclared: false };
        return { text: history.present, view, graph: toGraph(view, catalog.kinds) };
      }),
    [history.present, catalog],
  );
  const syntaxBroken = problems.length > 0;
  // A move shows its text without parsing it (its view is derived, spec/movedView.ts): the parse that the next edit
  // of this text needs is done once the frame showing it is painted and the page is idle.
  useEffect(() => whenIdle(() => readyForEdits(history.present)), [history.present]);

  // ---- edits ----------------------------------------------------------------------------------------------------

  // From a commit to the DOM that shows it (React render + commit, before paint): the `render` phase.
  const committedAt = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (committedAt.current !== null) recordPhase('render', committedAt.current);
    committedAt.current = null;
  }, [history.present]);

  const commit = useCallback((text: string) => {
    committedAt.current = performance.now();
    const next = record(historyRef.current, text);
    historyRef.current = next;
    setHistory(next);
    setEditorText(text);
    setProblems([]);
  }, []);

  /** Runs a text edit on the current text; a refused edit (an id that exists...) shows its reason instead. */
  const edit = useCallback(
    (change: (text: string) => string) => {
      if (problems.length > 0) {
        setNotice('Fix the YAML syntax error first: the graph is read-only until the text parses.');
        return;
      }
      try {
        commit(timedPhase('edit', () => change(historyRef.current.present)));
        setNotice(null);
      } catch (error) {
        if (error instanceof YamlEditError) setNotice(error.message);
        else throw error;
      }
    },
    [commit, problems.length],
  );

  const replaceText = useCallback(
    (text: string) => {
      const read = readSpec(text);
      setEditorText(text);
      if (read.ok) commit(text);
      else setProblems(read.problems);
      setSelected([]);
    },
    [commit],
  );

  // Editor typing: re-read once the text settles.
  const settle = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onEditorChange = useCallback(
    (text: string) => {
      setEditorText(text);
      clearTimeout(settle.current);
      settle.current = setTimeout(() => {
        const read = readSpec(text);
        if (read.ok) commit(text);
        else setProblems(read.problems);
      }, SETTLE_MS);
    },
    [commit],
  );
  useEffect(() => () => clearTimeout(settle.current), []);

  // ---- positions ------------------------------------------------------------------------------------------------

  const unplaced = useMemo(() => good.graph.nodes.filter((n) => n.position === null && !autoPositions[n.id]).map((n) => n.id), [good.graph, autoPositions]);
  useEffect(() => {
    if (unplaced.length === 0) return;
    let current = true;
    autoLayout(good.graph).then((computed) => {
      if (!current) return;
      // Nodes with a stored place keep it; only the others take ELK's proposal (not written until the user moves).
      setAutoPositions((old) => ({ ...old, ...Object.fromEntries(unplaced.map((id) => [id, computed[id]])) }));
    });
    return () => {
      current = false;
    };
  }, [unplaced, good.graph]);

  const positions = useMemo(() => {
    const result: Record<string, Position> = {};
    for (const node of good.graph.nodes) result[node.id] = node.position ?? autoPositions[node.id] ?? { x: 0, y: 0 };
    return result;
  }, [good.graph, autoPositions]);

  const runAutoLayout = useCallback(() => {
    autoLayout(good.graph).then((computed) => edit((text) => setPositions(text, computed)));
  }, [good.graph, edit]);

  const freeSpot = useCallback((): Position => {
    const all = Object.values(positions);
    if (all.length === 0) return { x: 40, y: 40 };
    return { x: Math.max(...all.map((p) => p.x)) + 260, y: Math.min(...all.map((p) => p.y)) };
  }, [positions]);

  // ---- node operations -----------------------------------------------------------------------------------------

  // The palette is memoised: it gets one callback for the page's life, which reads the latest state through a ref.
  const paletteAdd = useRef<(type: string) => void>(() => {});
  const onPaletteAdd = useCallback((type: string) => paletteAdd.current(type), []);

  const addKind = useCallback(
    (type: string, position: Position) => {
      const kind = catalog.kinds.get(type);
      if (!kind) return;
      let id = '';
      edit((text) => {
        // The first placed node fixes everyone's place, so the auto-laid-out ones do not move under it (same parse).
        const added = addNode(text, { type, settings: initialSettings(kind), position }, positions);
        id = added.id;
        return added.text;
      });
      if (id) setSelected([id]);
    },
    [catalog, edit, positions],
  );

  paletteAdd.current = (type) => addKind(type, freeSpot());

  const copySelection = useCallback(() => {
    if (selected.length === 0) return;
    clipboard.current = copyNodes(good.text, selected).map((n) => ({ ...n, position: positions[n.id] ?? n.position }));
    setNotice(`Copied ${clipboard.current.length} node${clipboard.current.length > 1 ? 's' : ''}.`);
  }, [good.text, selected, positions]);

  const paste = useCallback(() => {
    if (clipboard.current.length === 0) return;
    let ids: string[] = [];
    edit((text) => {
      const pasted = pasteNodes(setPositions(text, { ...positions }), clipboard.current, PASTE_OFFSET);
      ids = pasted.ids;
      return pasted.text;
    });
    setSelected(ids);
  }, [edit, positions]);

  const undoEdit = useCallback(() => {
    const next = undo(historyRef.current);
    historyRef.current = next;
    setHistory(next);
    setEditorText(next.present);
    setProblems([]);
  }, []);
  const redoEdit = useCallback(() => {
    const next = redo(historyRef.current);
    historyRef.current = next;
    setHistory(next);
    setEditorText(next.present);
    setProblems([]);
  }, []);

  // ---- server validation ---------------------------------------------------------------------------------------

  const validateNow = useCallback(() => {
    const text = historyRef.current.present;
    validateOnServer(api, text).then(setValidation);
  }, [api]);
  useEffect(() => {
    if (validation.state === 'unavailable' || syntaxBroken) return;
    const timer = setTimeout(validateNow, VALIDATE_AFTER_MS);
    return () => clearTimeout(timer);
    // Re-validate when the text changes, not when the result arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [history.present, syntaxBroken]);

  const serverErrors = validation.state === 'done' && validation.text === good.text ? validation.result.errors : NO_ERRORS;
  const nodeErrors = useMemo(() => errorsByNode(serverErrors, good.view), [serverErrors, good.view]);
  const nodeErrorMessages = useMemo(() => {
    const messages = new Map([...nodeErrors].map(([id, list]) => [id, list.map((e) => e.message)]));
    // Preview failures belong to their node too, on the canvas as well as in the panel.
    for (const e of preview?.errors ?? []) messages.set(e.nodeId, [...(messages.get(e.nodeId) ?? []), `preview: ${e.message}`]);
    return messages;
  }, [nodeErrors, preview]);
  const diagnostics = useMemo<LineDiagnostic[]>(
    () =>
      syntaxBroken
        ? problems.map((p) => ({ line: p.line, column: p.column, from: p.from, to: p.to, severity: 'error', message: p.message }))
        : serverErrors.map((e) => ({ line: e.line, column: e.column, severity: 'error', message: e.hint ? `${e.message} (${e.hint})` : e.message })),
    [syntaxBroken, problems, serverErrors],
  );

  // ---- save to the server ---------------------------------------------------------------------------------------

  const save = useCallback(async () => {
    const name = good.view.name;
    if (!name) {
      setSaveState({ kind: 'failed', message: 'Give the pipeline a name (metadata.name) before saving.' });
      return;
    }
    setSaveState({ kind: 'saving' });
    // If-Match only when saving over the pipeline this text came from; a new name is a new pipeline.
    const ifMatch = saved && saved.name === name && saved.etag ? { 'If-Match': saved.etag } : undefined;
    try {
      const answer = await api.exchange<PipelineSummary>('PUT', `/api/v1/pipelines/${seg(name)}`, { body: { text: historyRef.current.present, contentType: 'application/yaml' }, headers: ifMatch });
      setSaved({ name, etag: answer.headers.get('ETag') ?? answer.body.etag ?? null });
      const outcome = answer.body.outcome;
      setSaveState({ kind: 'saved', message: outcome === 'UNCHANGED' ? `No change: ${name} v${answer.body.latestVersion} has this text.` : outcome === 'CREATED' ? `Created ${name} v${answer.body.latestVersion}.` : `Saved ${name} v${answer.body.latestVersion}.` });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) setSaveState({ kind: 'conflict' });
      else setSaveState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [api, good.view.name, saved]);

  const reloadFromServer = useCallback(async () => {
    if (!saved) return;
    try {
      const answer = await api.exchange<PipelineSummary>('GET', `/api/v1/pipelines/${seg(saved.name)}`);
      const text = answer.body.latest?.spec ?? '';
      setSaved({ name: saved.name, etag: answer.headers.get('ETag') ?? answer.body.etag ?? null });
      replaceText(text);
      setSaveState({ kind: 'saved', message: `Reloaded ${saved.name} v${answer.body.latestVersion} from the server.` });
    } catch (error) {
      setSaveState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [api, saved, replaceText]);

  const applySchema = useCallback(
    (nodeId: string, schema: InferredSchema['schema']) => {
      const node = good.view.nodes.find((n) => n.id === nodeId);
      if (!node) return;
      edit((text) => setNodeSettings(text, nodeId, { ...node.settings, schema: { fields: schema.fields.map((f) => ({ name: f.name, type: f.type })) } }));
    },
    [edit, good.view.nodes],
  );

  // ---- import / export -----------------------------------------------------------------------------------------

  const fileInput = useRef<HTMLInputElement>(null);
  const exportSpec = useCallback(() => {
    const blob = new Blob([editorText], { type: 'application/yaml' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${good.view.name || 'pipeline'}.yaml`;
    link.click();
    URL.revokeObjectURL(link.href);
  }, [editorText, good.view.name]);

  // ---- keyboard ------------------------------------------------------------------------------------------------

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('.cm-editor, input, textarea, select, [contenteditable="true"]') !== null && target !== null;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        exportSpec();
      } else if (mod && event.key === 'Enter') {
        event.preventDefault();
        validateNow();
      } else if (typing) {
        return;
      } else if (mod && key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undoEdit();
      } else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) {
        event.preventDefault();
        redoEdit();
      } else if (mod && key === 'c') {
        copySelection();
      } else if (mod && key === 'v') {
        event.preventDefault();
        paste();
      } else if (mod && event.shiftKey && key === 'l') {
        event.preventDefault();
        runAutoLayout();
      } else if (event.key === '?') {
        setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [exportSpec, validateNow, undoEdit, redoEdit, copySelection, paste, runAutoLayout]);

  // ---- render --------------------------------------------------------------------------------------------------

  const selectedNode = selected.length === 1 ? good.graph.nodes.find((n) => n.id === selected[0]) : undefined;

  return (
    <div className="builder">
      <div className="toolbar" role="toolbar" aria-label="Builder actions">
        <label>
          Start from a template{' '}
          <select
            aria-label="Start from a template"
            value=""
            onChange={(e) => {
              const template = templates.find((t) => t.name === e.currentTarget.value);
              if (template) replaceText(template.text);
            }}
          >
            <option value="">choose…</option>
            {templates.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name} — {t.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => replaceText(EMPTY_SPEC)}>
          New
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".yaml,.yml,.json,application/yaml,application/json"
          hidden
          aria-label="Import a spec file"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            if (file) replaceText(await file.text());
            e.currentTarget.value = '';
          }}
        />
        <button type="button" onClick={exportSpec}>
          Export
        </button>
        <button type="button" onClick={undoEdit} disabled={history.past.length === 0}>
          Undo
        </button>
        <button type="button" onClick={redoEdit} disabled={history.future.length === 0}>
          Redo
        </button>
        <button type="button" onClick={runAutoLayout} disabled={syntaxBroken}>
          Auto-layout
        </button>
        <button type="button" onClick={validateNow} disabled={syntaxBroken}>
          Validate
        </button>
        {access.can('write') && (
          <button type="button" onClick={() => void save()} disabled={syntaxBroken || saveState.kind === 'saving'}>
            {saveState.kind === 'saving' ? 'Saving…' : 'Save'}
          </button>
        )}
        <button type="button" onClick={() => setHelpOpen(true)} aria-label="Keyboard shortcuts">
          ?
        </button>
        <ValidationStatus validation={validation} current={good.text} syntaxBroken={syntaxBroken} />
      </div>
      {saveState.kind === 'conflict' && (
        <div className="conflict" role="alert">
          This pipeline was changed by someone else since you opened it, so it was not saved. Reload the newest version (your edits are
          replaced; export them first to keep them), or save under another name.{' '}
          <button type="button" onClick={() => void reloadFromServer()}>
            Reload from server
          </button>
        </div>
      )}
      {saveState.kind === 'failed' && (
        <p className="error-state" role="alert">
          Not saved: {saveState.message}
        </p>
      )}
      {saveState.kind === 'saved' && (
        <p className="notice" role="status">
          {saveState.message}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}{' '}
          <button type="button" className="link" onClick={() => setNotice(null)}>
            dismiss
          </button>
        </p>
      )}
      <div className="builder-body">
        <Palette kinds={catalog.kinds} disabled={syntaxBroken} onAdd={onPaletteAdd} />
        <section className="graph-pane" aria-label="Graph">
          {syntaxBroken && (
            <p className="syntax-banner" role="alert">
              YAML syntax error at line {problems[0].line}: {problems[0].message}. The graph shows the last text that parsed.
            </p>
          )}
          <ReactFlowProvider>
            <Canvas
              graph={good.graph}
              positions={positions}
              errorsByNode={nodeErrorMessages}
              readOnly={syntaxBroken}
              selected={selected}
              onSelect={setSelected}
              onMove={(moved) => edit((text) => setPositions(text, moved))}
              onConnect={(source, port, target, index) => edit((text) => connect(text, { node: source, port }, target, index))}
              onDeleteEdges={(cut) =>
                edit((text) => [...cut].sort((a, b) => b.index - a.index).reduce((current, e) => disconnect(current, e.target, e.index), text))
              }
              onDeleteNodes={(ids) => {
                edit((text) => removeNodes(text, ids));
                setSelected([]);
              }}
              onDropKind={addKind}
            />
          </ReactFlowProvider>
          <aside className="inspector" aria-label="Node settings">
            {selectedNode?.kind && selectedNode.hasId ? (
              <NodeForm
                key={selectedNode.id}
                nodeId={selectedNode.id}
                kind={selectedNode.kind}
                inputs={selectedNode.inputs.map(formatInputRef)}
                settings={selectedNode.settings}
                validator={validator}
                serverErrors={nodeErrors.get(selectedNode.id) ?? NO_ERRORS}
                onChange={(settings) => edit((text) => setNodeSettings(text, selectedNode.id, settings))}
                onRename={(to) => {
                  try {
                    commit(renameNode(historyRef.current.present, selectedNode.id, to));
                    setSelected([to]);
                    return null;
                  } catch (error) {
                    if (error instanceof YamlEditError) return error.message;
                    throw error;
                  }
                }}
              />
            ) : (
              <p className="empty-hint">
                {selectedNode && !selectedNode.kind
                  ? `"${selectedNode.type}" is not a node kind of the catalog; fix the type in the YAML.`
                  : selected.length > 1
                    ? `${selected.length} nodes selected: copy, paste or delete them.`
                    : 'Select a node to edit its settings. Drag node kinds from the palette, and wire an output port to an input port.'}
              </p>
            )}
          </aside>
        </section>
        <section className="yaml-pane" aria-label="YAML">
          <Suspense
            fallback={
              <p className="yaml-editor loading" role="status">
                Loading the YAML editor…
              </p>
            }
          >
            <YamlEditor text={editorText} diagnostics={diagnostics} onChange={onEditorChange} />
          </Suspense>
          <PreviewPanel
            api={api}
            text={good.text}
            view={good.view}
            catalog={catalog}
            selected={selected.length === 1 ? selected[0] : null}
            report={preview}
            onReport={setPreview}
            onSchema={applySchema}
            disabled={syntaxBroken}
          />
        </section>
      </div>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

function ValidationStatus({ validation, current, syntaxBroken }: { validation: ServerValidation; current: string; syntaxBroken: boolean }) {
  let text: string;
  let tone = 'neutral';
  if (syntaxBroken) {
    text = 'YAML syntax error';
    tone = 'bad';
  } else if (validation.state === 'unavailable') {
    text = `Server validation unavailable: ${validation.reason}`;
  } else if (validation.state === 'done' && validation.text === current) {
    const count = validation.result.errors.length;
    text = validation.result.valid ? 'Valid' : `${count} problem${count === 1 ? '' : 's'}`;
    tone = validation.result.valid ? 'good' : 'bad';
  } else {
    text = 'Not validated yet';
  }
  return (
    <span className={`validation-status ${tone}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}
