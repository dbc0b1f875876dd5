import { Link } from '@remix-run/react';

/** What an empty list says: what it is and what to do about it. */
export function EmptyState({ title, body, action }: { title: string; body: string; action?: { to: string; label: string } }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      <p>{body}</p>
      {action && (
        <Link to={action.to} className="button button-secondary">
          {action.label}
        </Link>
      )}
    </div>
  );
}
