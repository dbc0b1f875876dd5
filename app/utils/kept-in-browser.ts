/**
 * What the platform keeps in a browser, named so it can be found and deleted: the offline copies
 * of documents (IndexedDB, app/editor/offline-copy.ts), their counts of changes not yet stored
 * (localStorage) and the pages kept by the service worker (ADR 026). Signing out deletes it all.
 */

export const keptPrefix = 'idm-consult:';
export const pendingPrefix = 'idm-consult-pending:';
/** The service worker's cache (the same name in public/sw.js). */
export const pageCacheName = 'idm-consult-offline-v1';

/** Changes kept in this browser that no server has stored yet, all documents together. */
export function pendingInThisBrowser(): number {
  let total = 0;
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(pendingPrefix)) total += readCount(key);
    }
  } catch {
    // No storage: nothing was kept.
  }
  return total;
}

/**
 * Deletes everything this platform keeps in the browser: the documents, the counts and the cached
 * pages. Signing out calls it, so the next person at a shared computer finds nothing.
 */
export async function forgetEverythingKept(): Promise<void> {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(pendingPrefix)) localStorage.removeItem(key);
  } catch {
    // No storage.
  }
  const work: Array<Promise<unknown>> = [];
  if (typeof indexedDB !== 'undefined' && 'databases' in indexedDB) {
    const databases = await indexedDB.databases().catch(() => []);
    for (const { name } of databases) {
      if (!name?.startsWith(keptPrefix)) continue;
      // An open editor holds the database: the deletion then waits in the browser until the
      // page has gone, which signing out is about to do. Not waited for here.
      work.push(new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = request.onerror = request.onblocked = resolve;
      }));
    }
  }
  if (typeof caches !== 'undefined') work.push(caches.delete(pageCacheName).catch(() => false));
  await Promise.race([Promise.all(work), new Promise((resolve) => setTimeout(resolve, 2000))]);
}

export function readCount(key: string): number {
  try {
    const value = Number(localStorage.getItem(key));
    return Number.isInteger(value) && value > 0 ? value : 0;
  } catch {
    return 0;
  }
}
