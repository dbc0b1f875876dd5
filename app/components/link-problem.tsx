import { Link } from '@remix-run/react';

/** The page a one-time link leads to when it cannot be used: what happened, and what to do. */
export function LinkProblem({ title, body, action }: { title: string; body: string; action: { to: string; label: string; primary?: boolean } }) {
  return (
    <section className="narrow card" aria-labelledby="link-problem-title">
      <h1 id="link-problem-title">{title}</h1>
      <p>{body}</p>
      <p>
        <Link to={action.to} className={action.primary ? 'button' : undefined}>
          {action.label}
        </Link>
      </p>
    </section>
  );
}
