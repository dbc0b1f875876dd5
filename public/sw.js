/*
 * The service worker of the offline copy (ADR 026). It serves two things when the network is
 * away, and nothing else: the paper pages the editor asked it to keep (app/editor/offline-copy.ts,
 * `keepThisPage`), and the build's scripts and styles that page runs. Online, pages always come from
 * the server; scripts under /assets/ carry their content's hash in their name, so a kept one is
 * never stale. It stores nothing by itself: the page puts in the cache what it wants kept.
 */
const CACHE = 'idm-consult-offline-v1';
const PAPER_PAGE = /^\/rounds\/[^/]+\/papers\/[^/]+\/?$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/assets/')) {
    // Only what the page asked to keep is kept (so signing out, which deletes the cache, leaves
    // nothing that comes back by itself); anything else comes from the server as usual.
    event.respondWith(caches.match(url.pathname, { cacheName: CACHE }).then((kept) => kept ?? fetch(request)));
    return;
  }
  if (request.mode === 'navigate' && PAPER_PAGE.test(url.pathname)) {
    // The server first, always; the kept copy only when it cannot be reached.
    event.respondWith(
      fetch(request).catch(async () => {
        const kept = await caches.open(CACHE).then((cache) => cache.match(url.pathname));
        if (kept) return kept;
        throw new TypeError('offline, and this page was not kept');
      }),
    );
  }
});
