/** The list of keyboard shortcuts (opened with `?`). The same table drives the handler in BuilderPage. */
import { useEffect, useRef } from 'react';

export const SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: 'Ctrl/⌘ + Z', action: 'Undo (outside the YAML editor, which has its own undo)' },
  { keys: 'Ctrl/⌘ + Shift + Z, Ctrl/⌘ + Y', action: 'Redo' },
  { keys: 'Ctrl/⌘ + C', action: 'Copy the selected nodes' },
  { keys: 'Ctrl/⌘ + V', action: 'Paste copied nodes (new ids, offset)' },
  { keys: 'Delete, Backspace', action: 'Delete the selected nodes or connections' },
  { keys: 'Shift + click, drag a box with Shift', action: 'Select several nodes' },
  { keys: 'Ctrl/⌘ + Shift + L', action: 'Auto-layout' },
  { keys: 'Ctrl/⌘ + Enter', action: 'Validate on the server' },
  { keys: 'Ctrl/⌘ + S', action: 'Export the spec file' },
  { keys: 'Tab, Enter (in the palette)', action: 'Move through the palette and add the focused node kind' },
  { keys: '?', action: 'Show this list' },
  { keys: 'Escape', action: 'Close a dialog' },
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal?.();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} aria-labelledby="shortcuts-title" onClose={onClose} className="dialog">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
