/**
 * The page shown while the database is out of reach: 503 with Retry-After, in the visitor's
 * language (their language cookie, else Accept-Language: the account's own choice is in the
 * database that does not answer), self-contained (no query, no script, no automatic refresh,
 * which WCAG 2.2.1 forbids without a way to stop it): a link tries again. Pages, Remix data
 * requests and the Express fallback all answer with it.
 */
import { isLocale, type Locale } from '../domain/vocabulary.ts';
import { translate } from '../locales/index.ts';
import { localeFromAcceptLanguage } from '../locales/negotiate.ts';
import { localeCookieName, parseCookies } from './cookies.ts';

/** Seconds a browser (or a proxy) is asked to wait before trying again. */
export const retryAfterSeconds = 10;

type Headers = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

export function visitorLocale(headers: Headers): Locale {
  const fromCookie = parseCookies(header(headers, 'cookie'))[localeCookieName];
  return isLocale(fromCookie) ? fromCookie : localeFromAcceptLanguage(header(headers, 'accept-language'));
}

/** Status, headers and body of the "temporarily unavailable" answer to a request with these headers. */
export function unavailableAnswer(headers: Headers, path = '/') {
  const locale = visitorLocale(headers);
  const t = (key: string) => escapeHtml(translate(locale, key));
  const wantsHtml = (header(headers, 'accept') ?? 'text/html').includes('text/html') && !path.endsWith('.data');
  const responseHeaders = {
    'Retry-After': String(retryAfterSeconds),
    'Cache-Control': 'no-store',
    'Content-Language': locale,
    'Content-Type': wantsHtml ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
  };
  if (!wantsHtml) return { status: 503, headers: responseHeaders, body: translate(locale, 'errorPage.unavailable.title') };
  const body = `<!DOCTYPE html>
<html lang="${locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('errorPage.unavailable.title')} · IDM Consult</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; color: #1d2733; background: #f6f8fa; }
main { max-width: 36rem; margin: 12vh auto; padding: 2rem; background: #fff; border: 1px solid #d0d7de; border-radius: 8px; }
h1 { font-size: 1.5rem; margin-top: 0; }
a { color: #0b4f8a; }
.status { color: #57606a; font-weight: 600; margin: 0 0 0.5rem; }
</style>
</head>
<body>
<main>
<p class="status">IDM Consult · 503</p>
<h1>${t('errorPage.unavailable.title')}</h1>
<p>${t('errorPage.unavailable.body')}</p>
<p><a href="${escapeHtml(path)}">${t('errorPage.unavailable.retry')}</a></p>
</main>
</body>
</html>`;
  return { status: 503, headers: responseHeaders, body };
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
