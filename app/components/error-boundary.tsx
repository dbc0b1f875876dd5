/** One error boundary for every route: a message in words, never a stack trace. */
import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { useT } from '../utils/i18n.tsx';

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 ? 'notFound' : status === 403 ? 'forbidden' : status === 400 ? 'badRequest' : status === 503 ? 'unavailable' : 'unexpected';
  if (!isRouteErrorResponse(error) && typeof document !== 'undefined') console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">{status}</p>
      <h1 id="error-title">{t(`errorPage.${key}.title`)}</h1>
      <p>{t(`errorPage.${key}.body`)}</p>
      <p>
        <Link to="/" className="button">
          {t('errorPage.home')}
        </Link>
      </p>
    </section>
  );
}
