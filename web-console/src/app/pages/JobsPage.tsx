import { EmptyState } from '../shell/EmptyState';

export function JobsPage() {
  return (
    <EmptyState title="Jobs">
      <p>
        Running and stopped jobs will be listed here with their state, and each job will open on its running graph:
        records in/out per second per node, backpressure, watermark and Kafka lag, checkpoint history and exceptions —
        with deploy, stop, stop-with-savepoint, rescale and restart.
      </p>
      <p>Not connected to the jobs API yet.</p>
    </EmptyState>
  );
}
