import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import type { ShouldRevalidateFunction } from '@remix-run/react';
import { LiveStatus } from './components/live-status.tsx';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react';
import { dictionaryJson } from '../locales/index.ts';
import { unreadCount } from '../domain/notifications.ts';
import { getCurrentUser } from './utils/auth.server.ts';
import { resolveLocale } from './utils/i18n.server.ts';
import { resolveTimeZone } from './utils/time-zone.server.ts';
import { TimeZoneSync } from './components/time-zone-sync.tsx';
import { takeToast } from './utils/toast.server.ts';
import { useNonce } from './utils/nonce.tsx';
import { AppShell } from './components/app-shell.tsx';
import { GeneralErrorBoundary } from './components/error-boundary.tsx';
import styles from './styles/app.css?url';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

// Every page has a title; routes put their own in front of it.
export const meta: MetaFunction = () => [{ title: 'IDM Consult' }];

/** The public record's pages are the same for everyone (cacheable, ETag): nobody is looked up there. */
const isPublicPath = (pathname: string) => /^\/public(\/|$)/.test(pathname);
const isPublicPage = (request: Request) => isPublicPath(new URL(request.url).pathname);

// Leaving or entering the public pages changes who the frame shows: the root's data is read again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  isPublicPath(currentUrl.pathname) !== isPublicPath(nextUrl.pathname) || defaultShouldRevalidate;

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (isPublicPage(request)) {
    const locale = resolveLocale(request, null);
    return data({ locale, timeZone: resolveTimeZone(request, null), messages: dictionaryJson(locale), toast: null, user: null, unreadNotifications: 0 });
  }
  const current = await getCurrentUser(request, context);
  const user = current?.user ?? null;
  const locale = resolveLocale(request, user);
  const timeZone = resolveTimeZone(request, user);
  const { toast, clear } = takeToast(request);
  const headers = new Headers();
  if (clear) headers.append('Set-Cookie', clear);
  if (current?.refreshedCookie) headers.append('Set-Cookie', current.refreshedCookie);
  return data(
    {
      locale,
      timeZone,
      messages: dictionaryJson(locale),
      toast,
      user: user && {
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        organizationId: user.organizationId,
        isRepresentative: user.isRepresentative,
      },
      unreadNotifications: user ? await unreadCount(context.services.db, user.id) : 0,
    },
    { headers },
  );
}

export type RootData = Awaited<ReturnType<typeof loader>>['data'];

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root');
  const nonce = useNonce();
  return (
    <html lang={root?.locale ?? 'en'} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <TimeZoneSync />
        <LiveStatus />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  return (
    <AppShell>
      <GeneralErrorBoundary />
    </AppShell>
  );
}
