import { Link } from '@remix-run/react';

/** A page's title, what the page is for, and its main action. */
export function PageHeader({ title, intro, action }: { title: string; intro?: string; action?: { to: string; label: string } }) {
  return (
    <header className={action ? 'page-header with-actions' : 'page-header'}>
      <div>
        <h1>{title}</h1>
        {intro && <p className="lead">{intro}</p>}
      </div>
      {action && (
        <Link to={action.to} className="button">
          {action.label}
        </Link>
      )}
    </header>
  );
}

/** Figures shown large, each with its label. */
export function Figures({ items }: { items: Array<{ label: string; value: number }> }) {
  return (
    <dl className="figures">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
