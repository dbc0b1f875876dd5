/** The frame of every page: skip link, header with navigation by role, languages, toasts. */
import { Form, Link, NavLink, useLocation, useMatches, useNavigation, useRouteLoaderData } from '@remix-run/react';
import { can } from '../../domain/permissions.ts';
import { locales } from '../../domain/vocabulary.ts';
import type { loader as rootLoader } from '../root.tsx';
import { useT } from '../utils/i18n.tsx';
import { ToastRegion } from './toast.tsx';
import { NotificationsLink } from './notifications-link.tsx';
import { forgetEverythingKept, pendingInThisBrowser } from '../utils/kept-in-browser.ts';

/**
 * Signing out deletes what this browser keeps (offline copies of documents, kept pages: ADR 026),
 * so the next person at a shared computer finds nothing; it asks first when some of it is not yet
 * on the server.
 */
function signOutForgettingWhatIsKept(t: ReturnType<typeof useT>) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    if (form.dataset.forgotten === 'yes') return;
    event.preventDefault();
    const pending = pendingInThisBrowser();
    if (pending > 0 && !confirm(t('shell.signOutPending', { count: pending }))) return;
    void forgetEverythingKept().then(() => {
      form.dataset.forgotten = 'yes';
      form.requestSubmit();
    });
  };
}

const languageNames = { en: 'English', fr: 'Français', es: 'Español' } as const;

/** What a route's `handle` may tell the frame: `bare` answers whether the page takes the whole screen. */
export interface ShellHandle {
  bare?: (search: URLSearchParams) => boolean;
}

export function AppShell({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const t = useT();
  const location = useLocation();
  const navigation = useNavigation();
  const user = root?.user ?? null;
  const here = location.pathname + location.search;
  // A page may ask for the whole screen (the projector view): no header, navigation or footer.
  const search = new URLSearchParams(location.search);
  const bare = useMatches().some((m) => typeof (m.handle as ShellHandle | undefined)?.bare === 'function' && (m.handle as ShellHandle).bare!(search));
  if (bare) {
    return (
      <main id="main" tabIndex={-1} className="site-main bare">
        {children}
      </main>
    );
  }
  const links = user
    ? [
        { to: '/', label: t('nav.dashboard'), end: true },
        { to: '/rounds', label: t('nav.rounds') },
        { to: '/organizations', label: t('nav.organizations') },
        { to: '/search', label: t('nav.search') },
        ...(can(user, 'create', { type: 'invitation', role: 'observer', organizationId: user.organizationId ?? '' })
          ? [{ to: '/invitations', label: t('nav.invitations') }]
          : []),
        ...(can(user, 'list', { type: 'users' }) ? [{ to: '/admin/users', label: t('nav.users') }] : []),
        ...(can(user, 'review', { type: 'moderation' }) ? [{ to: '/moderation', label: t('nav.moderation') }] : []),
        ...(can(user, 'read', { type: 'audit-log' }) ? [{ to: '/admin/audit', label: t('nav.audit') }] : []),
        ...(can(user, 'read', { type: 'mail-outbox' }) ? [{ to: '/admin/outbox', label: t('nav.outbox') }] : []),
      ]
    : [];

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand" aria-label={t('shell.homeLabel')}>
            <span className="brand-mark" aria-hidden="true">IDM</span>
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          {links.length > 0 && (
            <nav aria-label={t('nav.label')} className="main-nav">
              <ul>
                {links.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to} end={link.end}>
                      {link.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div className="header-tools">
            <Form method="post" action="/settings/language" className="language-switcher" aria-label={t('shell.language')}>
              <input type="hidden" name="redirectTo" value={here} />
              {locales.map((code) => (
                <button
                  key={code}
                  type="submit"
                  name="locale"
                  value={code}
                  lang={code}
                  aria-current={root?.locale === code ? 'true' : undefined}
                  className="link-button"
                >
                  {languageNames[code]}
                </button>
              ))}
            </Form>
            {user ? (
              <div className="user-menu">
                <NotificationsLink initial={root?.unreadNotifications ?? 0} />
                <Link to="/account" className="user-name">
                  {user.name}
                  <span className="role-badge">{t(`roles.${user.role}`)}</span>
                </Link>
                <Form method="post" action="/logout" onSubmit={signOutForgettingWhatIsKept(t)}>
                  <button type="submit" className="button button-secondary button-small">
                    {t('nav.signOut')}
                  </button>
                </Form>
              </div>
            ) : (
              location.pathname !== '/login' && (
                <Link to="/login" className="button button-small">
                  {t('nav.signIn')}
                </Link>
              )
            )}
          </div>
        </div>
        {navigation.state !== 'idle' && <div className="progress-bar" role="progressbar" aria-label={t('shell.loading')} />}
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('shell.footer')}</p>
      </footer>
      <ToastRegion toast={root?.toast ?? null} />
    </>
  );
}
