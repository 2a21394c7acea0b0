/**
 * The palette: node kinds grouped as sources / transforms / windows & joins / sinks, straight from the catalog.
 * Drag an entry onto the canvas, or focus it and press Enter to add it next to the graph (keyboard users).
 */
import { memo, useMemo } from 'react';
import { kindsByRole, ROLES, type NodeKind } from '../catalog/nodeKinds';

export const DRAG_TYPE = 'application/x-millrace-node-type';

/** Memoised: the builder re-renders on every edit and selection, the palette only when the catalog or `disabled` changes. */
export const Palette = memo(function Palette({ kinds, onAdd, disabled }: { kinds: Map<string, NodeKind>; onAdd: (type: string) => void; disabled: boolean }) {
  const grouped = useMemo(() => kindsByRole(kinds), [kinds]);
  return (
    <nav className="palette" aria-label="Node palette">
      {ROLES.map(({ role, label }) => (
        <section key={role} aria-labelledby={`palette-${role}`}>
          <h3 id={`palette-${role}`}>{label}</h3>
          <ul>
            {grouped.get(role)!.map((kind) => (
              <li key={kind.type}>
                <button
                  type="button"
                  className={`palette-item role-${role}`}
                  draggable={!disabled}
                  disabled={disabled}
                  title={kind.description}
                  aria-label={`Add ${kind.type}: ${kind.description}`}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_TYPE, kind.type);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => onAdd(kind.type)}
                >
                  {kind.type}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
});
