import { orderedForReview, stateNames, type StateDiff } from './stateDiff';

const WORD = { KEPT: 'kept', COMPATIBLE: 'kept (compatible)', DROPPED: 'dropped', NEW: 'new (starts empty)', STATELESS: 'stateless' } as const;

export function StateDiffPanel({ diff }: { diff: StateDiff }) {
  return (
    <table className="data state-diff" aria-label="State diff per node">
      <thead>
        <tr>
          <th scope="col">Node</th>
          <th scope="col">State</th>
          <th scope="col">States before → after</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {orderedForReview(diff).map((n) => (
          <tr key={n.nodeId} className={`change-${n.change.toLowerCase()}`}>
            <td>{n.nodeId}</td>
            <td>{WORD[n.change]}</td>
            <td>
              {stateNames(n.before)} → {stateNames(n.after)}
            </td>
            <td>{n.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
