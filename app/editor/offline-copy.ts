/**
 * The copy of a shared document kept in this browser (ADR 026): the Yjs document in IndexedDB
 * (y-indexeddb), so a reload or a closed laptop without network loses nothing; the number of
 * changes the server has not confirmed stored, in localStorage, so it survives the reload too;
 * and the page itself, cached by the service worker (public/sw.js), so that the reload works
 * offline. All of it is named per person and deleted when they sign out.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

import { keptPrefix as prefix, pageCacheName, pendingPrefix, readCount } from '../utils/kept-in-browser.ts';

export interface OfflineCopy {
  /** Resolves once what this browser kept has been applied to the document. */
  loaded: Promise<void>;
  /** Changes made here that the server has not confirmed stored (also across reloads). */
  pending(): number;
  /** One more change made here. */
  changed(): void;
  /** The server confirmed everything stored. */
  stored(): void;
  /** This person may no longer open the document: the copy goes. */
  forget(): Promise<void>;
  destroy(): void;
}

/** Keeps `doc` in this browser under the person's name; `userId` keeps one person's copy from another's. */
export function keepOffline(doc: Y.Doc, userId: string, documentName: string): OfflineCopy {
  const name = `${prefix}${userId}:${documentName}`;
  const local = new IndexeddbPersistence(name, doc);
  const key = `${pendingPrefix}${userId}:${documentName}`;
  let count = readCount(key);
  const write = () => {
    try {
      if (count > 0) localStorage.setItem(key, String(count));
      else localStorage.removeItem(key);
    } catch {
      // Storage full or refused (private mode): the count is then only shown until a reload.
    }
  };
  return {
    loaded: local.whenSynced.then(() => undefined),
    pending: () => count,
    changed() {
      count += 1;
      write();
    },
    stored() {
      count = 0;
      write();
    },
    async forget() {
      count = 0;
      write();
      await local.clearData();
    },
    destroy() {
      void local.destroy();
    },
  };
}

/** The origin of the updates the copy applies when it loads (they are not new changes). */
export function isOfflineCopyOrigin(origin: unknown): boolean {
  return origin instanceof IndexeddbPersistence;
}

/**
 * Asks the service worker to keep this page and the scripts it runs, so that a reload without
 * network still opens it (and the editor, which then reads the document kept here).
 */
export async function keepThisPage(): Promise<void> {
  if (!('serviceWorker' in navigator) || typeof caches === 'undefined') return;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    const cache = await caches.open(pageCacheName);
    const scripts = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
      .map((url) => url.pathname);
    const preloaded = [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"], link[rel="stylesheet"]')]
      .map((link) => new URL(link.href))
      .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
      .map((url) => url.pathname);
    await cache.addAll([...new Set([...scripts, ...preloaded])]);
    await cache.add(location.pathname);
  } catch {
    // No service worker (an old browser, a private window): the document is still kept; only
    // a reload without network cannot open the page.
  }
}
