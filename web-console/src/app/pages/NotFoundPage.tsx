import { Link, useLocation } from 'react-router';
import { EmptyState } from '../shell/EmptyState';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <EmptyState title="Page not found">
      <p>
        There is no console page at <code>{location.pathname}</code>. Go to the <Link to="/builder">builder</Link>.
      </p>
    </EmptyState>
  );
}
