/**
 * The YAML side of the builder: CodeMirror 6 with YAML highlighting, its own undo inside the editor, and
 * diagnostics (syntax errors found here, validation errors from the server) shown on their lines.
 */
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Annotation, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { memo, useEffect, useRef } from 'react';
import { timedPhase } from '../shell/phaseTiming';
import { changedSpan } from '../spec/textChange';

export interface LineDiagnostic {
  readonly line: number;
  readonly column: number;
  /** Absolute offsets when known (syntax errors); otherwise the rest of the line from `column`. */
  readonly from?: number;
  readonly to?: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** Marks changes that come from the canvas, so they are not echoed back as user typing. */
const fromOutside = Annotation.define<boolean>();

export const YamlEditor = memo(function YamlEditor({ text, diagnostics, onChange }: { text: string; diagnostics: readonly LineDiagnostic[]; onChange: (text: string) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text,
        extensions: [
          basicSetup,
          yaml(),
          lintGutter(),
          EditorView.contentAttributes.of({ 'aria-label': 'Pipeline spec (YAML)' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((t) => t.annotation(fromOutside))) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is created once; later texts arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current === text) return;
    // One change covering only the differing middle keeps the cursor and scroll where the user was.
    const { start, endBefore, endAfter } = changedSpan(current, text);
    timedPhase('yaml-editor', () => editor.dispatch({ changes: { from: start, to: endBefore, insert: text.slice(start, endAfter) }, annotations: fromOutside.of(true) }));
  }, [text]);

  // Whether the editor shows any diagnostics: a text change with none before and none now needs no second dispatch.
  const showsDiagnostics = useRef(false);
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    if (diagnostics.length === 0 && !showsDiagnostics.current) return;
    showsDiagnostics.current = diagnostics.length > 0;
    const doc = editor.state.doc;
    const located: Diagnostic[] = diagnostics.flatMap((d) => {
      if (d.from !== undefined && d.to !== undefined) {
        const from = Math.min(d.from, doc.length);
        return [{ from, to: Math.min(Math.max(d.to, from), doc.length), severity: d.severity, message: d.message }];
      }
      if (d.line < 1 || d.line > doc.lines) return [];
      const line = doc.line(d.line);
      const from = Math.min(line.from + Math.max(d.column - 1, 0), line.to);
      return [{ from, to: Math.max(line.to, from), severity: d.severity, message: d.message }];
    });
    editor.dispatch(setDiagnostics(editor.state, located));
  }, [diagnostics, text]);

  return <div className="yaml-editor" ref={host} />;
});
