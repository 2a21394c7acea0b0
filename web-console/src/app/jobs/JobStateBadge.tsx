const TONE: Record<string, string> = { RUNNING: 'good', FINISHED: 'good', FAILED: 'bad', FAILING: 'bad', CANCELED: 'neutral', RESTARTING: 'warn', CANCELLING: 'warn', CREATED: 'warn', SCHEDULED: 'warn' };

export function JobStateBadge({ state }: { state: string }) {
  return (
    <span className={`state-badge ${TONE[state] ?? 'neutral'}`} aria-label={`Job state ${state}`}>
      {state}
    </span>
  );
}
