import { Link } from 'react-router';
import { EmptyState } from '../shell/EmptyState';

export function PipelinesPage() {
  return (
    <EmptyState title="Pipelines">
      <p>
        The pipelines of your tenant will be listed here: name, latest version, who changed it and when, and the job
        running it — with each pipeline&apos;s version history and a text diff between versions.
      </p>
      <p>
        Not connected to the pipelines API yet. Meanwhile, <Link to="/builder">build a pipeline</Link> and export its spec, or
        submit specs with the CLI.
      </p>
    </EmptyState>
  );
}
